import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { SuperviseTicketCommand } from './supervise-ticket.command';
import { SuperviseTicketHandler } from './supervise-ticket.handler';

describe('SuperviseTicketHandler', () => {
  it('ticket.supervised: in_progress → in_progress, recorded as ticket.supervised', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const result = await new SuperviseTicketHandler(kit.runner).execute(
      SuperviseTicketCommand.create({
        user: people.committee,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        level: 'urge',
        note: '请加快办理',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.supervised']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a department supervising itself, saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const e = await refusal(
      new SuperviseTicketHandler(kit.runner).execute(
        SuperviseTicketCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          level: 'urge',
          note: '自我督办',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
