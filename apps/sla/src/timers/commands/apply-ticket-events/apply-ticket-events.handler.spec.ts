import { EventPayloads, TicketEventBase, TicketEvents } from '@ticketing/contracts';
import { refusedToBuild, seededPolicies, slaKit, errorsOf } from '../../../handler-spec.fixture';
import { TicketLifecycleEvent } from '../../domain/ticket-timers.aggregate';
import { ApplyTicketEventsCommand, TicketEventItem } from './apply-ticket-events.command';
import { ApplyTicketEventsHandler } from './apply-ticket-events.handler';

const TICKET = 't-0190f1f0-0000-7000-8000-000000000001';

const base = (over: Partial<TicketEventBase> = {}): TicketEventBase => ({
  ticketId: TICKET,
  number: 'CS-2025-000001',
  status: 'assigned',
  enterpriseId: 'ent-A',
  category: 'labour',
  urgency: 'normal',
  gridId: null,
  leadDepartmentId: 'dep-hr',
  coHandlerDepartmentIds: ['dep-it'],
  ...over,
});

const assigned = (over: Partial<EventPayloads['ticket.assigned']> = {}): TicketLifecycleEvent => ({
  type: TicketEvents.assigned,
  payload: {
    ...base(),
    via: 'rule',
    ruleId: null,
    previousLeadDepartmentId: null,
    firstHandlerDepartmentId: 'dep-hr',
    ...over,
  },
});
const acknowledged: TicketLifecycleEvent = {
  type: TicketEvents.acknowledged,
  payload: { ...base({ status: 'in_progress' }), departmentId: 'dep-hr', reason: '' },
};
const extensionRequested: TicketLifecycleEvent = {
  type: TicketEvents.extensionRequested,
  payload: {
    ...base({ status: 'in_progress' }),
    departmentId: 'dep-hr',
    reason: 'need a survey',
    proposedDueAt: '2025-03-14T09:30:00.000Z',
  },
};
const extensionApproved: TicketLifecycleEvent = {
  type: TicketEvents.extensionDecided,
  payload: {
    ...base({ status: 'in_progress' }),
    approved: true,
    newDueAt: '2025-03-14T09:30:00.000Z',
    note: null,
  },
};

/** Monday 2025-03-03 10:00 in Beijing, and the hours after it. */
const monday = (hoursLater = 0) =>
  new Date(Date.parse('2025-03-03T02:00:00Z') + hoursLater * 3_600_000).toISOString();

async function apply(kit: ReturnType<typeof slaKit>, event: TicketLifecycleEvent, occurredAt: string) {
  await new ApplyTicketEventsHandler(kit.uow, kit.timers, kit.policies, kit.calendars).execute(
    ApplyTicketEventsCommand.create({ events: [TicketEventItem.of({ event, occurredAt })] }),
  );
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('ApplyTicketEventsHandler', () => {
  it('ticket.assigned opens the lead’s response clock (1 working day), plans its steps, announces the deadline', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    const [respond] = kit.timers.ofTicket(TICKET);
    expect(respond).toMatchObject({ kind: 'respond', departmentId: 'dep-hr', state: 'running', revision: 1 });
    expect(iso(respond!.dueAt)).toBe('2025-03-04T09:30:00.000Z'); // close of Tuesday
    const steps = kit.timers.firings.get(respond!.id)!.map((f) => [f.step, new Date(f.fireAt).toISOString()]);
    expect(steps).toContainEqual(['warning:2 working_hours before', '2025-03-04T07:30:00.000Z']);
    expect(steps).toContainEqual(['breach', '2025-03-04T09:30:00.000Z']);
    expect(kit.timers.events.map((e) => [e.type, e.payload.kind])).toEqual([['sla.deadline-set', 'respond']]);
    expect(kit.timers.events[0]).toMatchObject({
      ticketId: TICKET,
      revision: 1,
      payload: { reason: 'opened', dueAt: '2025-03-04T09:30:00.000Z', departmentId: 'dep-hr' },
    });
    // What the event says of the ticket is kept, for who may see it and what its policies match.
    expect(kit.timers.tickets.get(TICKET)).toMatchObject({
      enterpriseId: 'ent-A',
      leadDepartmentId: 'dep-hr',
    });
    expect(kit.uow.transactions).toBe(1);
  });

  it('ticket.acknowledged stops the response clock in time and opens resolve, reply and each co-handler’s report', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    expect(kit.timers.ofTicket(TICKET).map((t) => [t.kind, t.departmentId, t.state, t.outcome])).toEqual([
      ['respond', 'dep-hr', 'stopped', 'met'],
      ['resolve', 'dep-hr', 'running', null],
      ['reply', 'dep-hr', 'running', null],
      ['co_handler_report', 'dep-it', 'running', null],
    ]);
    expect(kit.timers.events.slice(1).map((e) => e.type)).toEqual([
      'sla.timer-stopped',
      'sla.deadline-set',
      'sla.deadline-set',
      'sla.deadline-set',
    ]);
    expect(kit.timers.firings.get(kit.timers.ofTicket(TICKET)[0]!.id)).toEqual([]); // a stopped clock fires nothing
  });

  it('an extension pauses the resolution clock while the committee decides, and an approval moves its deadline', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    await apply(kit, extensionRequested, monday(24)); // Tue 10:00
    const paused = kit.timers.ofTicket(TICKET).find((t) => t.kind === 'resolve')!;
    expect(paused).toMatchObject({ state: 'paused', dueAt: null });
    expect(kit.timers.ofTicket(TICKET).find((t) => t.kind === 'reply')!.state).toBe('running'); // its rule does not pause
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.timer-paused',
      payload: { reason: 'extension_pending', dueAt: '2025-03-10T09:30:00.000Z' },
    });
    await apply(kit, extensionApproved, monday(48)); // Wed 10:00
    const extended = kit.timers.ofTicket(TICKET).find((t) => t.kind === 'resolve')!;
    expect(extended).toMatchObject({ state: 'running' });
    expect(iso(extended.dueAt)).toBe('2025-03-14T09:30:00.000Z');
    expect(extended.pauses).toEqual([
      { from: Date.parse(monday(24)), to: Date.parse(monday(48)), reason: 'extension_pending' },
    ]);
    expect(
      kit.timers.events.slice(-2).map((e) => [e.type, e.type === 'sla.deadline-set' && e.payload.reason]),
    ).toEqual([
      ['sla.deadline-set', 'resumed'],
      ['sla.deadline-set', 'extended'],
    ]);
  });

  it('an approved transfer ends the first handler’s clocks as transferred and hands the reply clock to the new lead', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    await apply(
      kit,
      assigned({
        ...base({ leadDepartmentId: 'dep-tax', coHandlerDepartmentIds: [] }),
        via: 'transfer',
        previousLeadDepartmentId: 'dep-hr',
      }),
      monday(3),
    );
    const view = kit.timers.ofTicket(TICKET).map((t) => [t.kind, t.departmentId, t.state, t.outcome]);
    expect(view).toContainEqual(['resolve', 'dep-hr', 'stopped', 'transferred']);
    expect(view).toContainEqual(['reply', 'dep-tax', 'running', null]);
    expect(view).toContainEqual(['respond', 'dep-tax', 'running', null]);
    expect(
      kit.timers.events.some((e) => e.type === 'sla.deadline-set' && e.payload.reason === 'reassigned'),
    ).toBe(true);
  });

  const informationRequested = (requestId: string): TicketLifecycleEvent => ({
    type: TicketEvents.informationRequested,
    payload: {
      ...base({ status: 'in_progress' }),
      requestId,
      departmentId: 'dep-hr',
      question: '请提供用工需求表',
    },
  });
  const informationProvided = (requestId: string): TicketLifecycleEvent => ({
    type: TicketEvents.informationProvided,
    payload: { ...base({ status: 'in_progress' }), requestId, answer: '见附件', attachments: [] },
  });
  const resolveOf = (kit: ReturnType<typeof slaKit>) =>
    kit.timers.ofTicket(TICKET).find((t) => t.kind === 'resolve')!;

  it('while the enterprise is asked for information the resolution clock stops, and its deadline moves by the working time it waited', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1)); // resolve due the close of Monday 03-10
    await apply(kit, informationRequested('rq-1'), monday(24)); // Tue 10:00
    expect(resolveOf(kit)).toMatchObject({ state: 'paused', dueAt: null });
    expect(kit.timers.ofTicket(TICKET).find((t) => t.kind === 'reply')!.state).toBe('running'); // its rule does not say so
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.timer-paused',
      payload: {
        kind: 'resolve',
        reason: 'awaiting_enterprise',
        dueAt: '2025-03-10T09:30:00.000Z',
        subject: 'ticket',
      },
    });
    expect(kit.timers.holds.get(TICKET)).toEqual({
      conditions: ['awaiting_enterprise'],
      informationRequestIds: ['rq-1'],
    });
    await apply(kit, informationProvided('rq-1'), monday(24 + 3)); // Tue 13:00: 2 working hours (10:00–12:00)
    expect(resolveOf(kit)).toMatchObject({ state: 'running' });
    expect(iso(resolveOf(kit).dueAt)).toBe('2025-03-11T03:00:00.000Z'); // Tue 03-11 11:00
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.deadline-set',
      payload: { reason: 'resumed' },
    });
    expect(kit.timers.holds.get(TICKET)).toEqual({ conditions: [], informationRequestIds: [] });
  });

  it('counts again only when every question is answered, and not while an extension is still being decided', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    await apply(kit, informationRequested('rq-1'), monday(24));
    await apply(kit, informationRequested('rq-2'), monday(25));
    await apply(kit, extensionRequested, monday(26));
    await apply(kit, informationProvided('rq-1'), monday(27));
    expect(resolveOf(kit).state).toBe('paused');
    await apply(kit, informationProvided('rq-2'), monday(28));
    // The extension still holds it: paused on, for that.
    expect(resolveOf(kit)).toMatchObject({ state: 'paused' });
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.timer-paused',
      payload: { reason: 'extension_pending' },
    });
    await apply(
      kit,
      { ...extensionApproved, payload: { ...extensionApproved.payload, approved: false, newDueAt: null } },
      monday(48),
    );
    expect(resolveOf(kit).state).toBe('running');
    expect(resolveOf(kit).pauses.map((p) => [p.reason, new Date(p.from).toISOString(), iso(p.to)])).toEqual([
      ['awaiting_enterprise', monday(24), monday(28)],
      ['extension_pending', monday(28), monday(48)],
    ]);
  });

  it('a policy that says pauseWhileAwaitingEnterprise: false keeps the clock running', async () => {
    const policies = seededPolicies().map((p) =>
      p.category === '*' && p.urgency === '*'
        ? { ...p, definition: { ...p.definition, pauseWhileAwaitingEnterprise: false } }
        : p,
    );
    const kit = slaKit({ policies });
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    await apply(kit, informationRequested('rq-1'), monday(24));
    expect(resolveOf(kit)).toMatchObject({ state: 'running', pauseWhen: ['extension_pending'] });
  });

  it('ticket.merged stops the duplicate’s running clocks as merged, and forgets what held them', async () => {
    const kit = slaKit();
    await apply(kit, assigned(), monday());
    await apply(kit, acknowledged, monday(1));
    await apply(kit, informationRequested('rq-1'), monday(2));
    await apply(
      kit,
      {
        type: TicketEvents.merged,
        payload: {
          ...base({ status: 'closed' }),
          mainTicketId: 't-main',
          mainTicketNumber: 'CS-2025-000009',
          reason: '同一事项',
        },
      },
      monday(3),
    );
    expect(kit.timers.ofTicket(TICKET).filter((t) => t.state !== 'stopped')).toEqual([]);
    expect(
      kit.timers
        .ofTicket(TICKET)
        .slice(1)
        .map((t) => [t.kind, t.outcome]),
    ).toEqual([
      ['resolve', 'merged'],
      ['reply', 'merged'],
      ['co_handler_report', 'merged'],
    ]);
    expect(kit.timers.holds.get(TICKET)).toEqual({ conditions: [], informationRequestIds: [] });
  });

  describe('a batch', () => {
    const OTHER = 't-0190f1f0-0000-7000-8000-000000000002';
    const ofOther = (e: TicketLifecycleEvent): TicketLifecycleEvent =>
      ({
        ...e,
        payload: { ...e.payload, ticketId: OTHER, leadDepartmentId: 'dep-fin' },
      }) as TicketLifecycleEvent;
    // Two tickets' events interleaved, as a consumer's batch delivers them: one ticket is
    // acknowledged and asks for an extension (its holds change), the other only assigned.
    const batch = [
      { event: assigned(), occurredAt: monday() },
      { event: ofOther(assigned({ firstHandlerDepartmentId: 'dep-fin' })), occurredAt: monday() },
      { event: acknowledged, occurredAt: monday(1) },
      { event: extensionRequested, occurredAt: monday(24) },
    ].map((item, i) => ({ ...item, cause: { correlationId: `corr-${i}`, causationId: `event-${i}` } }));
    const clocks = (kit: ReturnType<typeof slaKit>, ticketId: string) =>
      kit.timers
        .ofTicket(ticketId)
        .map((t) => [t.kind, t.departmentId, t.state, t.outcome, t.dueAt, t.pauses, t.revision]);
    const recorded = (kit: ReturnType<typeof slaKit>) =>
      kit.timers.events.map((e) => [
        e.ticketId,
        e.type,
        e.revision,
        e.payload.kind,
        'dueAt' in e.payload ? e.payload.dueAt : null,
      ]);

    it('has the effect of applying its events one by one, in one unit of work', async () => {
      const oneByOne = slaKit();
      for (const { event, occurredAt } of batch) await apply(oneByOne, event, occurredAt);
      const together = slaKit();
      await new ApplyTicketEventsHandler(
        together.uow,
        together.timers,
        together.policies,
        together.calendars,
      ).execute(ApplyTicketEventsCommand.create({ events: batch.map((b) => TicketEventItem.of(b)) }));
      expect(together.uow.transactions).toBe(1);
      expect(together.timers.saves).toBe(1);
      for (const ticket of [TICKET, OTHER]) {
        expect(clocks(together, ticket)).toEqual(clocks(oneByOne, ticket));
        expect(together.timers.holds.get(ticket)).toEqual(oneByOne.timers.holds.get(ticket));
        expect(together.timers.tickets.get(ticket)).toEqual(oneByOne.timers.tickets.get(ticket));
      }
      expect(clocks(together, TICKET).map(([kind, , state]) => [kind, state])).toEqual([
        ['respond', 'stopped'],
        ['resolve', 'paused'],
        ['reply', 'running'],
        ['co_handler_report', 'running'],
      ]);
      expect(together.timers.holds.get(TICKET)?.conditions).toEqual(['extension_pending']);
      // The ticket's copy keeps what its last event said.
      expect(together.timers.tickets.get(TICKET)?.status).toBe('in_progress');
      // Each ticket's events in the order they happened; the two tickets' as they were delivered.
      expect(recorded(together).filter(([t]) => t === TICKET)).toEqual(
        recorded(oneByOne).filter(([t]) => t === TICKET),
      );
      expect(recorded(together).filter(([t]) => t === OTHER)).toEqual(
        recorded(oneByOne).filter(([t]) => t === OTHER),
      );
    });

    it('records each event as caused by the ticket event it applied', async () => {
      const kit = slaKit();
      await new ApplyTicketEventsHandler(kit.uow, kit.timers, kit.policies, kit.calendars).execute(
        ApplyTicketEventsCommand.create({ events: batch.map((b) => TicketEventItem.of(b)) }),
      );
      expect(kit.timers.events.map((e) => [e.type, e.payload.kind, e.cause?.causationId])).toEqual([
        ['sla.deadline-set', 'respond', 'event-0'],
        ['sla.deadline-set', 'respond', 'event-1'],
        ['sla.timer-stopped', 'respond', 'event-2'],
        ['sla.deadline-set', 'resolve', 'event-2'],
        ['sla.deadline-set', 'reply', 'event-2'],
        ['sla.deadline-set', 'co_handler_report', 'event-2'],
        ['sla.timer-paused', 'resolve', 'event-3'],
      ]);
      expect(kit.timers.events.map((e) => e.cause?.correlationId)).toEqual([
        'corr-0',
        'corr-1',
        'corr-2',
        'corr-2',
        'corr-2',
        'corr-2',
        'corr-3',
      ]);
    });

    it('refuses a batch with an event whose time is not an instant, naming it, so nothing is applied', async () => {
      const kit = slaKit();
      const e = refusedToBuild(() =>
        ApplyTicketEventsCommand.create({
          events: [
            TicketEventItem.of(batch[0]),
            TicketEventItem.of({ event: acknowledged, occurredAt: 'later' }),
          ],
        }),
      );
      expect(errorsOf(e)).toEqual([{ field: 'events.1.occurredAt', messages: [expect.any(String)] }]);
      expect(kit.timers.saves).toBe(0);
    });

    it('refuses an empty batch', () => {
      const e = refusedToBuild(() => ApplyTicketEventsCommand.create({ events: [] }));
      expect(errorsOf(e).map((f) => f.field)).toEqual(['events']);
    });
  });

  it('refuses to build a command whose event time is not an instant, so nothing is applied', async () => {
    const kit = slaKit();
    const e = refusedToBuild(() =>
      ApplyTicketEventsCommand.create({
        events: [TicketEventItem.of({ event: assigned(), occurredAt: 'yesterday' })],
      }),
    );
    expect(e.code).toBe('validation');
    expect(errorsOf(e)).toEqual([{ field: 'events.0.occurredAt', messages: [expect.any(String)] }]);
    expect(kit.timers.saves).toBe(0);
  });
});
