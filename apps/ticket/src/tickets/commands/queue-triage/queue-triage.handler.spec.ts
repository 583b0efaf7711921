import { handlerSpecKit, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { QueueTriageCommand } from './queue-triage.command';
import { QueueTriageHandler } from './queue-triage.handler';

const triage = {
  ticketId: TICKET_ID,
  actor: { id: 'system', role: 'system' as const },
  causedBy: 'dispatch.triage-needed#e1',
  explanation: 'no enabled rule matched',
};

describe('QueueTriageHandler', () => {
  it('puts a submitted ticket on the committee’s desk: ticket.triage-queued', async () => {
    const kit = handlerSpecKit(ticketIn('submitted'));
    expect(await new QueueTriageHandler(kit.systemRunner).execute(QueueTriageCommand.create(triage))).toBe(
      'applied',
    );
    expect(kit.tickets.eventTypes()).toEqual(['ticket.triage-queued']);
    expect(kit.tickets.get(TICKET_ID)!.status).toBe('triage');
  });

  it('skips a triage notice for a ticket that is already routed', async () => {
    const kit = handlerSpecKit(ticketIn('assigned'));
    expect(await new QueueTriageHandler(kit.systemRunner).execute(QueueTriageCommand.create(triage))).toBe(
      'not-applicable',
    );
    expect(kit.tickets.saved).toEqual([]);
  });
});
