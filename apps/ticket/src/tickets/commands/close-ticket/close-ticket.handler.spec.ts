import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { CloseTicketCommand } from './close-ticket.command';
import { CloseTicketHandler } from './close-ticket.handler';

describe('CloseTicketHandler', () => {
  it('ticket.closed: resolved → closed, recorded as ticket.closed', async () => {
    const kit = handlerSpecKit(ticketIn('resolved'));
    const before = kit.version();
    const result = await new CloseTicketHandler(kit.runner).execute(
      CloseTicketCommand.create({
        user: people.enterprise,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        reason: null,
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'closed', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.closed']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses the committee closing an enterprise’s ticket for it, saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('resolved'));
    const before = kit.version();
    const e = await refusal(
      new CloseTicketHandler(kit.runner).execute(
        CloseTicketCommand.create({
          user: people.committee,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          reason: '代为关闭',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
