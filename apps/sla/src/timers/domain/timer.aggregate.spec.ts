import { WorkCalendar } from '@ticketing/calendar';
import { PolicyVersion, TimerRule, normalizeDefinition } from '../../policies/domain/policy';
import { Timer } from './timer.aggregate';

const cal = new WorkCalendar();
const at = (s: string) => Date.parse(s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const rule: TimerRule = {
  duration: { amount: 2, unit: 'working_days' },
  warnings: [{ percent: 50 }],
  escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } }],
  pauseWhen: ['extension_pending'],
};
const policy = (version = 1, r: TimerRule = rule): PolicyVersion => ({
  id: 'p-1',
  version,
  name: 'p',
  nameEn: null,
  subject: 'ticket',
  category: '*',
  urgency: '*',
  definition: normalizeDefinition({ calendarId: 'default', timers: { resolve: r } }),
});

// Monday 2025-03-03 10:00 Beijing; 2 working days → close of Wednesday 03-05.
const open = () =>
  Timer.open({
    id: 'timer-1',
    ticketId: 'ticket-1',
    kind: 'resolve',
    departmentId: 'dep-hr',
    policy: policy(),
    rule,
    calendar: cal,
    at: at('2025-03-03T10:00:00+08:00'),
  });

describe('Timer', () => {
  it('opens running, due after its allowance in working time, with its warning, breach and escalation planned', () => {
    const { timer, event } = open();
    expect(timer.snapshot()).toMatchObject({
      state: 'running',
      revision: 1,
      calendarId: 'default',
      basis: 'working',
    });
    expect(iso(timer.snapshot().dueAt)).toBe('2025-03-05T09:30:00.000Z');
    expect(timer.plannedFirings!.map((f) => f.step)).toEqual(['warning:50%', 'breach', 'escalation:urge']);
    expect(event).toMatchObject({
      type: 'sla.deadline-set',
      revision: 1,
      payload: { reason: 'opened', policyId: 'p-1', policyVersion: 1, dueAt: '2025-03-05T09:30:00.000Z' },
    });
  });

  it('pauses only for a condition its rule names, and a resume moves the deadline by the working time paused', () => {
    const { timer } = open();
    expect(timer.pause('transfer_pending', at('2025-03-04T10:00:00+08:00'))).toBeUndefined();
    const paused = timer.pause('extension_pending', at('2025-03-04T10:00:00+08:00'))!;
    expect(paused.payload).toMatchObject({ reason: 'extension_pending', dueAt: '2025-03-05T09:30:00.000Z' });
    expect(timer.snapshot()).toMatchObject({ state: 'paused', dueAt: null, revision: 2 });
    expect(timer.plannedFirings).toEqual([]);
    expect(timer.resume('transfer_pending', at('2025-03-05T10:00:00+08:00'), cal, rule)).toBeUndefined();
    const resumed = timer.resume('extension_pending', at('2025-03-05T10:00:00+08:00'), cal, rule)!;
    // Paused one working day (Tue 10:00 → Wed 10:00): due the close of Thursday.
    expect(resumed.payload).toMatchObject({ reason: 'resumed', dueAt: '2025-03-06T09:30:00.000Z' });
    expect(timer.snapshot().revision).toBe(3);
  });

  it('extends only forwards', () => {
    const { timer } = open();
    const decided = at('2025-03-04T10:00:00+08:00');
    expect(timer.extend(at('2025-03-04T17:30:00+08:00'), decided, cal, rule)).toBeUndefined();
    const e = timer.extend(at('2025-03-07T17:30:00+08:00'), decided, cal, rule)!;
    expect(e.payload).toMatchObject({ reason: 'extended', dueAt: '2025-03-07T09:30:00.000Z' });
    expect(timer.snapshot().extensionMs).toBe(2 * 7 * 3_600_000);
  });

  it('stops as met before its deadline, as breached after it, and as the lifecycle says when it says', () => {
    const met = open().timer;
    expect(met.stop(at('2025-03-04T10:00:00+08:00'), cal).payload).toMatchObject({
      outcome: 'met',
      breached: false,
      workingMinutesUsed: 7 * 60,
    });
    expect(met.plannedFirings).toEqual([]);
    const late = open().timer;
    expect(late.stop(at('2025-03-06T10:00:00+08:00'), cal).payload).toMatchObject({
      outcome: 'breached',
      breached: true,
    });
    const handedOver = open().timer;
    expect(handedOver.stop(at('2025-03-04T10:00:00+08:00'), cal, 'transferred').payload.outcome).toBe(
      'transferred',
    );
  });

  it('is handed to another department only when it changes hands', () => {
    const { timer } = open();
    expect(timer.reassign('dep-hr')).toBeUndefined();
    expect(timer.reassign('dep-tax')!.payload).toMatchObject({
      reason: 'reassigned',
      departmentId: 'dep-tax',
    });
    expect(timer.plannedFirings).toHaveLength(3); // the deadline did not move
  });

  it('after a policy change keeps its start and announces only a moved deadline', () => {
    const same = open().timer;
    expect(same.recompute({ policy: policy(2), rule }, cal)).toBeUndefined();
    expect(same.snapshot()).toMatchObject({ policyVersion: 2, revision: 2 });
    const shorter: TimerRule = { ...rule, duration: { amount: 4, unit: 'working_hours' } };
    const moved = open().timer;
    expect(moved.recompute({ policy: policy(3, shorter), rule: shorter }, cal)!.payload).toMatchObject({
      reason: 'recomputed',
      policyVersion: 3,
      dueAt: '2025-03-03T07:30:00.000Z', // 10:00–12:00 and 13:30–15:30 on Monday
    });
  });

  it('cancelled when no policy sets it any more, unless its deadline had already passed', () => {
    expect(open().timer.cancel(at('2025-03-04T10:00:00+08:00'), cal).payload.outcome).toBe('cancelled');
    expect(open().timer.cancel(at('2025-03-06T10:00:00+08:00'), cal).payload.outcome).toBe('breached');
  });

  it('stays paused when another condition that stops it still holds, and counts again only when none does', () => {
    const both: TimerRule = { ...rule, pauseWhen: ['extension_pending', 'awaiting_enterprise'] };
    const { timer } = Timer.open({
      id: 'timer-2',
      ticketId: 'ticket-1',
      kind: 'resolve',
      departmentId: 'dep-hr',
      policy: policy(1, both),
      rule: both,
      calendar: cal,
      at: at('2025-03-03T10:00:00+08:00'),
    });
    timer.pause('extension_pending', at('2025-03-04T10:00:00+08:00'));
    // The extension is decided while the enterprise has not answered yet: paused on, for that.
    const still = timer.resume('extension_pending', at('2025-03-04T11:00:00+08:00'), cal, both, [
      'awaiting_enterprise',
    ])!;
    expect(still).toMatchObject({
      type: 'sla.timer-paused',
      payload: { reason: 'awaiting_enterprise', dueAt: '' },
    });
    expect(timer.snapshot()).toMatchObject({ state: 'paused', dueAt: null });
    // An approval meanwhile is kept, against the deadline it would have had at that moment (Thu 17:30 + 1 h paused).
    expect(
      timer.extend(at('2025-03-07T17:30:00+08:00'), at('2025-03-04T11:00:00+08:00'), cal, both),
    ).toBeUndefined();
    const resumed = timer.resume('awaiting_enterprise', at('2025-03-04T12:00:00+08:00'), cal, both, [])!;
    expect(resumed).toMatchObject({ type: 'sla.deadline-set', payload: { reason: 'resumed' } });
    // Due Fri 17:30 granted at 11:00, then one more working hour paused (11:00–12:00): Monday 10:00.
    expect(iso(timer.snapshot().dueAt)).toBe('2025-03-10T02:00:00.000Z');
    expect(timer.snapshot().pauses.map((p) => p.reason)).toEqual([
      'extension_pending',
      'awaiting_enterprise',
    ]);
  });

  it('keeps a length of its own through a recompute, and stops as merged when its ticket was merged', () => {
    const own = Timer.open({
      id: 'timer-3',
      ticketId: 'decision-1',
      kind: 'decision',
      departmentId: 'dep-hr',
      policy: policy(1),
      rule,
      calendar: cal,
      at: at('2025-03-03T10:00:00+08:00'),
      ownDuration: { amount: 3, unit: 'working_days' },
    });
    expect(iso(own.timer.snapshot().dueAt)).toBe('2025-03-06T09:30:00.000Z'); // close of Thursday
    expect(own.event.payload).toMatchObject({
      subject: 'decision',
      ticketId: 'decision-1',
      kind: 'decision',
    });
    const shorter: TimerRule = { ...rule, duration: { amount: 4, unit: 'working_hours' } };
    expect(own.timer.recompute({ policy: policy(2, shorter), rule: shorter }, cal)).toBeUndefined();
    expect(iso(own.timer.snapshot().dueAt)).toBe('2025-03-06T09:30:00.000Z');
    const merged = open().timer.stop(at('2025-03-04T10:00:00+08:00'), cal, 'merged');
    expect(merged.payload).toMatchObject({ outcome: 'merged', breached: false, subject: 'ticket' });
  });
});
