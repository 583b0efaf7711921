import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';
import { AcknowledgeTicketHandler } from './acknowledge-ticket.handler';

describe('AcknowledgeTicketHandler', () => {
  it('ticket.acknowledged: assigned → in_progress, recorded as ticket.acknowledged', async () => {
    const kit = handlerSpecKit(ticketIn('assigned'));
    const before = kit.version();
    const result = await new AcknowledgeTicketHandler(kit.runner).execute(
      AcknowledgeTicketCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        note: '已签收',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.acknowledged']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a department the ticket was not routed to (404: it does not exist for them), saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('assigned'));
    const before = kit.version();
    const e = await refusal(
      new AcknowledgeTicketHandler(kit.runner).execute(
        AcknowledgeTicketCommand.create({
          user: people.otherDepartment,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          note: null,
        }),
      ),
    );
    expect(e.code).toBe('notFound');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
