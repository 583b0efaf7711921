import { handlerSpecKit, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ApplyTransferDecisionCommand } from './apply-transfer-decision.command';
import { ApplyTransferDecisionHandler } from './apply-transfer-decision.handler';

const decided = {
  ticketId: TICKET_ID,
  actor: { id: 'u-com', role: 'committee' as const },
  causedBy: 'dispatch.transfer-decided#e1',
  coHandlerDepartmentIds: [],
  note: '改由城管局牵头',
};

describe('ApplyTransferDecisionHandler', () => {
  it('an approved transfer hands the ticket to the new lead, which must sign for it: ticket.assigned', async () => {
    const kit = handlerSpecKit(ticketIn('transfer_requested'));
    await new ApplyTransferDecisionHandler(kit.systemRunner).execute(
      ApplyTransferDecisionCommand.create({ ...decided, approved: true, leadDepartmentId: 'dep-urban' }),
    );
    expect(kit.tickets.eventTypes()).toEqual(['ticket.assigned']);
    expect(kit.tickets.get(TICKET_ID)).toMatchObject({
      status: 'assigned',
      leadDepartmentId: 'dep-urban',
      firstHandlerDepartmentId: 'dep-lead',
    });
  });

  it('a rejected transfer goes back to the first handler where it was: ticket.transfer-rejected', async () => {
    const kit = handlerSpecKit(ticketIn('transfer_requested'));
    await new ApplyTransferDecisionHandler(kit.systemRunner).execute(
      ApplyTransferDecisionCommand.create({ ...decided, approved: false, leadDepartmentId: null }),
    );
    expect(kit.tickets.eventTypes()).toEqual(['ticket.transfer-rejected']);
    expect(kit.tickets.get(TICKET_ID)).toMatchObject({ status: 'in_progress', leadDepartmentId: 'dep-lead' });
  });

  it('skips a decision on a ticket with no transfer waiting', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    expect(
      await new ApplyTransferDecisionHandler(kit.systemRunner).execute(
        ApplyTransferDecisionCommand.create({ ...decided, approved: true, leadDepartmentId: 'dep-urban' }),
      ),
    ).toBe('not-applicable');
    expect(kit.tickets.saved).toEqual([]);
  });
});
