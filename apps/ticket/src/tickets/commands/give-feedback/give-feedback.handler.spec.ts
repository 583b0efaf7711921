import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { GiveFeedbackCommand } from './give-feedback.command';
import { GiveFeedbackHandler } from './give-feedback.handler';

describe('GiveFeedbackHandler', () => {
  it('ticket.feedback-given: resolved → closed, recorded as ticket.feedback-given, ticket.closed', async () => {
    const kit = handlerSpecKit(ticketIn('resolved'));
    const before = kit.version();
    const result = await new GiveFeedbackHandler(kit.runner).execute(
      GiveFeedbackCommand.create({
        user: people.enterprise,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        contacted: true,
        solved: true,
        satisfaction: 'satisfied',
        comment: null,
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'closed', version: before + 2 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.feedback-given', 'ticket.closed']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses another enterprise (404), saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('resolved'));
    const before = kit.version();
    const e = await refusal(
      new GiveFeedbackHandler(kit.runner).execute(
        GiveFeedbackCommand.create({
          user: people.otherEnterprise,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          contacted: true,
          solved: true,
          satisfaction: 'satisfied',
          comment: null,
        }),
      ),
    );
    expect(e.code).toBe('notFound');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
