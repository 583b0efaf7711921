import { WorkCalendar } from '@ticketing/calendar';
import { allowanceMs } from '../../policies/domain/duration';
import { TimerFacts, dueAt, stopOutcome, timeline } from './timer';
import { timerClock } from './timer-clock';

const cal = new WorkCalendar();
const at = (s: string) => Date.parse(s);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const H = 3_600_000;

function workingDaysTimer(start: string, days: number, extra: Partial<TimerFacts> = {}): TimerFacts {
  return {
    kind: 'resolve',
    basis: 'working',
    startedAt: at(start),
    budgetMs: allowanceMs({ amount: days, unit: 'working_days' }, cal, at(start)),
    extensionMs: 0,
    pauses: [],
    stoppedAt: null,
    ...extra,
  };
}

describe('timer arithmetic', () => {
  const working = timerClock('working', cal);

  it('counts working days across 春节 2025 and the make-up Saturday 2025-02-08', () => {
    // Friday 2025-01-24 10:00: Sun 01-26 is a make-up workday (1), Mon 01-27 (2), 01-28..02-04 off,
    // Wed 02-05 (3), Thu 02-06 (4), Fri 02-07 (5).
    const t = workingDaysTimer('2025-01-24T10:00:00+08:00', 5);
    expect(iso(dueAt(t, working))).toBe('2025-02-07T09:30:00.000Z'); // 17:30 Beijing
    // One more day lands on the make-up Saturday.
    expect(iso(dueAt(workingDaysTimer('2025-01-24T10:00:00+08:00', 6), working))).toBe(
      '2025-02-08T09:30:00.000Z',
    );
  });

  it('moves the deadline by exactly the working time spent paused', () => {
    // Paused Monday 2025-03-03 10:00 → Tuesday 11:00: 2 + 4 + 2 = 8 working hours (lunch and night excluded).
    const t = workingDaysTimer('2025-03-03T09:00:00+08:00', 2, {
      pauses: [
        {
          from: at('2025-03-03T10:00:00+08:00'),
          to: at('2025-03-04T11:00:00+08:00'),
          reason: 'extension_pending',
        },
      ],
    });
    // Unpaused: end of Wed 03-05. 8 h later: all of Thursday (7 h) and Friday 09:00–10:00.
    expect(iso(dueAt(t, working))).toBe('2025-03-07T02:00:00.000Z');
  });

  it('has no deadline while paused', () => {
    const t = workingDaysTimer('2025-03-03T09:00:00+08:00', 2, {
      pauses: [{ from: at('2025-03-03T10:00:00+08:00'), to: null, reason: 'extension_pending' }],
    });
    expect(dueAt(t, working)).toBeNull();
  });

  it('adds an approved extension on the timer clock', () => {
    const t = workingDaysTimer('2025-03-03T09:00:00+08:00', 2, { extensionMs: 7 * H });
    expect(iso(dueAt(t, working))).toBe('2025-03-06T09:30:00.000Z'); // one more working day
  });

  it('counts wall-clock timers through nights and weekends', () => {
    const t: TimerFacts = {
      kind: 'resolve',
      basis: 'wall',
      startedAt: at('2025-03-07T20:00:00+08:00'),
      budgetMs: 24 * H,
      extensionMs: 0,
      pauses: [],
      stoppedAt: null,
    };
    expect(iso(dueAt(t, timerClock('wall', cal)))).toBe('2025-03-08T12:00:00.000Z');
  });

  it('gives a timeline that adds up exactly, pauses included', () => {
    const t = workingDaysTimer('2025-03-03T09:17:13.123+08:00', 3, {
      pauses: [
        {
          from: at('2025-03-03T11:00:00+08:00'),
          to: at('2025-03-03T15:00:00+08:00'),
          reason: 'extension_pending',
        },
        { from: at('2025-03-04T16:00:00+08:00'), to: null, reason: 'transfer_pending' },
      ],
    });
    const now = at('2025-03-05T10:00:00.456+08:00');
    const tl = timeline(t, cal, now);
    expect(tl.activeMs + tl.remainingMs).toBe(tl.allowanceMs);
    expect(tl.elapsedWallMs).toBe(now - t.startedAt);
    expect(tl.pausedWallMs).toBe(4 * H + (now - at('2025-03-04T16:00:00+08:00')));
    expect(tl.elapsedWorkingMs - tl.pausedWorkingMs).toBe(tl.activeMs);
    expect(tl.pausedWorkingMs).toBe(2.5 * H + 1.5 * H + 1 * H + 456); // 11–12, 13:30–15, Tue 16–17:30, Wed 09–10:00:00.456
    expect(tl.remainingWorkingMs).toBe(tl.remainingMs);
  });

  it('a stopped timer keeps its figures: a transferred first handler keeps the time it used', () => {
    const t = workingDaysTimer('2025-03-03T09:00:00+08:00', 5, {
      stoppedAt: at('2025-03-04T12:00:00+08:00'),
    });
    const tl = timeline(t, cal, at('2025-06-01T00:00:00+08:00'));
    expect(tl.activeMs).toBe(10 * H); // Monday 7 h + Tuesday 3 h
    expect(tl.asOf).toBe(t.stoppedAt);
  });

  it('says breached when stopped after the deadline, or while paused after a breach fired', () => {
    expect(stopOutcome(1000, null, 999)).toBe('met');
    expect(stopOutcome(1000, null, 1000)).toBe('met');
    expect(stopOutcome(1000, null, 1001)).toBe('breached');
    expect(stopOutcome(null, 500, 100)).toBe('breached'); // paused after its breach fired
    expect(stopOutcome(1000, 1000, 900)).toBe('met'); // the stop happened in time, we only learnt of it late
  });
});
