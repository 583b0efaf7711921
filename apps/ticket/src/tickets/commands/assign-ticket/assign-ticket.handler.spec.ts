import { handlerSpecKit, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AssignTicketCommand } from './assign-ticket.command';
import { AssignTicketHandler } from './assign-ticket.handler';

const decision = {
  ticketId: TICKET_ID,
  actor: { id: 'system', role: 'system' as const },
  causedBy: 'dispatch.decided#e1',
  leadDepartmentId: 'dep-lead',
  coHandlerDepartmentIds: ['dep-co'],
  via: 'rule' as const,
  ruleId: 'rule-utilities',
  explanation: 'category utilities',
};

describe('AssignTicketHandler', () => {
  it('routes a submitted ticket to its lead and co-handlers: ticket.assigned', async () => {
    const kit = handlerSpecKit(ticketIn('submitted'));
    expect(
      await new AssignTicketHandler(kit.systemRunner).execute(AssignTicketCommand.create(decision)),
    ).toBe('applied');
    expect(kit.tickets.eventTypes()).toEqual(['ticket.assigned']);
    expect(kit.tickets.get(TICKET_ID)).toMatchObject({ status: 'assigned', leadDepartmentId: 'dep-lead' });
    expect(kit.tickets.saved[0].payload).toMatchObject({ via: 'rule', firstHandlerDepartmentId: 'dep-lead' });
  });

  it('skips a decision that no longer fits (the ticket was withdrawn meanwhile), and one about an unknown ticket', async () => {
    const kit = handlerSpecKit(ticketIn('withdrawn'));
    const handler = new AssignTicketHandler(kit.systemRunner);
    expect(await handler.execute(AssignTicketCommand.create(decision))).toBe('not-applicable');
    expect(
      await handler.execute(
        AssignTicketCommand.create({ ...decision, ticketId: '0190f1f0-0000-7000-8000-0000000000ff' }),
      ),
    ).toBe('unknown-ticket');
    expect(kit.tickets.saved).toEqual([]);
  });

  it('refuses to build from a decision without a lead department', () => {
    expect(() => AssignTicketCommand.create({ ...decision, leadDepartmentId: '' })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
