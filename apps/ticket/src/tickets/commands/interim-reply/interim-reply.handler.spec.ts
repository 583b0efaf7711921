import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { InterimReplyCommand } from './interim-reply.command';
import { InterimReplyHandler } from './interim-reply.handler';

describe('InterimReplyHandler', () => {
  it('ticket.interim-replied: in_progress → in_progress, recorded as ticket.interim-replied', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const result = await new InterimReplyHandler(kit.runner).execute(
      InterimReplyCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        message: '已派人查看，三日内答复。',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.interim-replied']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses the enterprise (only the lead replies), saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const e = await refusal(
      new InterimReplyHandler(kit.runner).execute(
        InterimReplyCommand.create({
          user: people.enterprise,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          message: '我自己回复',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
