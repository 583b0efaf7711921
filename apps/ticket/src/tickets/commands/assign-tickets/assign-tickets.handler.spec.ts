import { Correlation } from '@ticketing/observability';
import { EventCause } from '@ticketing/messaging';
import { handlerSpecKit, OTHER_ID, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AssignTicketsCommand, DeskDecision } from './assign-tickets.command';
import { AssignTicketsHandler } from './assign-tickets.handler';

const THIRD_ID = '0190f1f0-0000-7000-8000-0000000000a3';
const UNKNOWN_ID = '0190f1f0-0000-7000-8000-0000000000ff';

const decision = (over: Partial<DeskDecision> = {}) =>
  DeskDecision.of({
    ticketId: TICKET_ID,
    actor: { id: 'system', role: 'system' as const },
    causedBy: 'dispatch.decided#e1',
    leadDepartmentId: 'dep-lead',
    coHandlerDepartmentIds: ['dep-co'],
    via: 'rule' as const,
    ruleId: 'rule-utilities',
    explanation: 'category utilities',
    ...over,
  });
const command = (...decisions: DeskDecision[]) =>
  AssignTicketsCommand.create({ decisions: decisions.length ? decisions : [decision()] });

describe('AssignTicketsHandler', () => {
  it('routes a submitted ticket to its lead and co-handlers: ticket.assigned', async () => {
    const kit = handlerSpecKit(ticketIn('submitted'));
    expect(await new AssignTicketsHandler(kit.systemRunner).execute(command())).toEqual(['applied']);
    expect(kit.tickets.eventTypes()).toEqual(['ticket.assigned']);
    expect(kit.tickets.get(TICKET_ID)).toMatchObject({ status: 'assigned', leadDepartmentId: 'dep-lead' });
    expect(kit.tickets.saved[0].payload).toMatchObject({ via: 'rule', firstHandlerDepartmentId: 'dep-lead' });
  });

  it('skips a decision that no longer fits (the ticket was withdrawn meanwhile), and one about an unknown ticket', async () => {
    const kit = handlerSpecKit(ticketIn('withdrawn'));
    const handler = new AssignTicketsHandler(kit.systemRunner);
    expect(await handler.execute(command())).toEqual(['not-applicable']);
    expect(await handler.execute(command(decision({ ticketId: UNKNOWN_ID })))).toEqual(['unknown-ticket']);
    expect(kit.tickets.saved).toEqual([]);
  });

  it('applies a batch with one locking read: each outcome as alone, each ticket.assigned caused by its own decision', async () => {
    const kit = handlerSpecKit(
      ticketIn('submitted'),
      ticketIn('withdrawn', { id: OTHER_ID, number: 'CS-2026-000002' }),
      ticketIn('submitted', { id: THIRD_ID, number: 'CS-2026-000003' }),
    );
    const causes: (string | undefined)[][] = [];
    const save = kit.tickets.save.bind(kit.tickets);
    kit.tickets.save = (t) => {
      causes.push([t.id, Correlation.id(), Correlation.causationId()]);
      return save(t);
    };
    const cause = (n: number) => EventCause.of({ id: `decided-${n}`, correlationId: `request-${n}` });
    const outcomes = await new AssignTicketsHandler(kit.systemRunner).execute(
      command(
        decision({ cause: cause(1) }),
        decision({ ticketId: OTHER_ID, cause: cause(2) }),
        decision({ ticketId: UNKNOWN_ID, cause: cause(3) }),
        decision({
          ticketId: THIRD_ID,
          leadDepartmentId: 'dep-3',
          coHandlerDepartmentIds: [],
          cause: cause(4),
        }),
      ),
    );
    expect(outcomes).toEqual(['applied', 'not-applicable', 'unknown-ticket', 'applied']);
    expect(kit.tickets.lockReads).toBe(1);
    expect(kit.uow.transactions).toBe(1);
    expect(kit.tickets.get(TICKET_ID)).toMatchObject({ status: 'assigned', leadDepartmentId: 'dep-lead' });
    expect(kit.tickets.get(OTHER_ID)?.status).toBe('withdrawn');
    expect(kit.tickets.get(THIRD_ID)).toMatchObject({ status: 'assigned', leadDepartmentId: 'dep-3' });
    expect(causes).toEqual([
      [TICKET_ID, 'request-1', 'decided-1'],
      [THIRD_ID, 'request-4', 'decided-4'],
    ]);
  });

  it('refuses a decision without a lead, an empty batch and one that names a ticket twice (by index)', () => {
    expect(() => command(decision({ leadDepartmentId: '' }))).toThrow(
      expect.objectContaining({
        code: 'validation',
        message: expect.stringMatching(/decisions\.0\.leadDepartmentId/),
      }),
    );
    expect(() => AssignTicketsCommand.create({ decisions: [] })).toThrow(/decisions/);
    expect(() => command(decision(), decision())).toThrow(/assigned once per command/);
    expect(() => command(decision(), decision({ ticketId: OTHER_ID, via: 'guess' as 'rule' }))).toThrow(
      /decisions\.1\.via/,
    );
  });
});
