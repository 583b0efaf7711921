import { TicketEventBase, TicketEvents } from '@ticketing/contracts';
import { errorsOf, refusedToBuild, seededPolicies, slaKit } from '../../../handler-spec.fixture';
import { TicketLifecycleEvent } from '../../domain/ticket-timers.aggregate';
import {
  ApplyTicketEventsCommand,
  TicketEventItem,
} from '../apply-ticket-events/apply-ticket-events.command';
import { ApplyTicketEventsHandler } from '../apply-ticket-events/apply-ticket-events.handler';
import { OpenCallbackClockCommand } from './open-callback-clock.command';
import { OpenCallbackClockHandler } from './open-callback-clock.handler';

const TICKET = 't-0190f1f0-0000-7000-8000-0000000000cb';
const base = (status: TicketEventBase['status']): TicketEventBase => ({
  ticketId: TICKET,
  number: 'CS-2025-000042',
  status,
  enterpriseId: 'ent-A',
  category: 'labour',
  urgency: 'normal',
  gridId: null,
  leadDepartmentId: 'dep-hr',
  coHandlerDepartmentIds: [],
});
const resolved: TicketLifecycleEvent = {
  type: TicketEvents.resolved,
  payload: { ...base('resolved'), departmentId: 'dep-hr', result: '已解决', evidence: [] },
};
const feedbackGiven = (via: 'enterprise' | 'callback'): TicketLifecycleEvent => ({
  type: TicketEvents.feedbackGiven,
  payload: {
    ...base('closed'),
    via,
    contacted: true,
    solved: true,
    satisfaction: 'satisfied',
    comment: null,
  },
});

/** Monday 2025-03-03 10:00 in Beijing: resolved then, the enterprise's 5 working days end at the close of 03-10. */
const RESOLVED_AT = '2025-03-03T02:00:00.000Z';
const FEEDBACK_DUE = '2025-03-10T09:30:00.000Z';

async function ticketEvent(kit: ReturnType<typeof slaKit>, event: TicketLifecycleEvent, occurredAt: string) {
  await new ApplyTicketEventsHandler(kit.uow, kit.timers, kit.policies, kit.calendars).execute(
    ApplyTicketEventsCommand.create({ events: [TicketEventItem.of({ event, occurredAt })] }),
  );
}
const lapse = (kit: ReturnType<typeof slaKit>, feedbackTimerId: string, ticketId = TICKET) =>
  new OpenCallbackClockHandler(kit.uow, kit.timers, kit.policies, kit.calendars).execute(
    OpenCallbackClockCommand.create({ ticketId, feedbackTimerId, lapsedAt: FEEDBACK_DUE }),
  );
const feedbackOf = (kit: ReturnType<typeof slaKit>) =>
  kit.timers.ofTicket(TICKET).find((t) => t.kind === 'feedback')!;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('OpenCallbackClockHandler', () => {
  it('when the feedback window lapses, stops it as breached and opens the committee’s callback window from that instant', async () => {
    const kit = slaKit();
    await ticketEvent(kit, resolved, RESOLVED_AT);
    expect(iso(feedbackOf(kit).dueAt)).toBe(FEEDBACK_DUE);
    const before = kit.timers.events.length;
    await lapse(kit, feedbackOf(kit).id);
    const callback = kit.timers.ofTicket(TICKET).find((t) => t.kind === 'callback')!;
    expect(feedbackOf(kit)).toMatchObject({
      state: 'stopped',
      outcome: 'breached',
      stoppedAt: Date.parse(FEEDBACK_DUE),
    });
    // The committee's clock (no department), 3 working days from the close of Monday 03-10: the close of Thursday 03-13.
    expect(callback).toMatchObject({
      departmentId: null,
      state: 'running',
      startedAt: Date.parse(FEEDBACK_DUE),
    });
    expect(iso(callback.dueAt)).toBe('2025-03-13T09:30:00.000Z');
    expect(kit.timers.events.slice(before).map((e) => [e.type, e.payload.kind])).toEqual([
      ['sla.timer-stopped', 'feedback'],
      ['sla.deadline-set', 'callback'],
    ]);
    // Its breach is planned at its deadline: that is what closes the ticket as no feedback.
    expect(kit.timers.firings.get(callback.id)!.map((f) => [f.step, iso(f.fireAt)])).toEqual([
      ['breach', '2025-03-13T09:30:00.000Z'],
    ]);

    // The committee calls and records the answers: the callback clock stops in time.
    await ticketEvent(kit, feedbackGiven('callback'), '2025-03-12T02:00:00.000Z');
    expect(kit.timers.ofTicket(TICKET).find((t) => t.kind === 'callback')).toMatchObject({
      state: 'stopped',
      outcome: 'met',
    });
  });

  it('a zero window is due at once, and fires at once', async () => {
    const policies = seededPolicies().map((p) =>
      p.category === '*' && p.urgency === '*'
        ? {
            ...p,
            definition: { ...p.definition, callbackWindow: { amount: 0, unit: 'working_days' as const } },
          }
        : p,
    );
    const kit = slaKit({ policies });
    await ticketEvent(kit, resolved, RESOLVED_AT);
    await lapse(kit, feedbackOf(kit).id);
    const callback = kit.timers.ofTicket(TICKET).find((t) => t.kind === 'callback')!;
    expect(iso(callback.dueAt)).toBe(FEEDBACK_DUE);
    expect(kit.timers.firings.get(callback.id)!.map((f) => iso(f.fireAt))).toEqual([FEEDBACK_DUE]);
  });

  it('does nothing when the window is no longer open (feedback came first), or for a ticket it never saw', async () => {
    const kit = slaKit();
    await ticketEvent(kit, resolved, RESOLVED_AT);
    const feedbackId = feedbackOf(kit).id;
    await ticketEvent(kit, feedbackGiven('enterprise'), '2025-03-10T09:00:00.000Z');
    const events = kit.timers.events.length;
    await lapse(kit, feedbackId);
    await lapse(kit, 'no-such-timer', 't-unknown');
    expect(kit.timers.ofTicket(TICKET).some((t) => t.kind === 'callback')).toBe(false);
    expect(kit.timers.events).toHaveLength(events);
    expect(feedbackOf(kit).outcome).toBe('met');
  });

  it('refuses to build a command without an instant', () => {
    const e = refusedToBuild(() =>
      OpenCallbackClockCommand.create({ ticketId: TICKET, feedbackTimerId: 'x', lapsedAt: 'soon' }),
    );
    expect(errorsOf(e).map((f) => f.field)).toEqual(['lapsedAt']);
  });
});
