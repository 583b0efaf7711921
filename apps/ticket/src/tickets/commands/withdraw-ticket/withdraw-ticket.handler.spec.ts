import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { WithdrawTicketCommand } from './withdraw-ticket.command';
import { WithdrawTicketHandler } from './withdraw-ticket.handler';

describe('WithdrawTicketHandler', () => {
  it('ticket.withdrawn: assigned → withdrawn, recorded as ticket.withdrawn', async () => {
    const kit = handlerSpecKit(ticketIn('assigned'));
    const before = kit.version();
    const result = await new WithdrawTicketHandler(kit.runner).execute(
      WithdrawTicketCommand.create({
        user: people.enterprise,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        reason: '已自行解决',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'withdrawn', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.withdrawn']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses the lead department (only the enterprise withdraws), saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('assigned'));
    const before = kit.version();
    const e = await refusal(
      new WithdrawTicketHandler(kit.runner).execute(
        WithdrawTicketCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          reason: '不想办',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
