import { WorkCalendar } from '@ticketing/calendar';
import { TimerBasis } from '../../policies/domain/duration';

/**
 * The clock a timer counts on. Working clocks run only in office hours of the timer's calendar;
 * wall clocks always. Both are O(1) per call, which keeps a recompute of a million timers cheap.
 */
export interface TimerClock {
  readonly basis: TimerBasis;
  /** Clock time from a to b, in ms (negative when b < a). */
  between(aMs: number, bMs: number): number;
  /** The earliest instant when the clock has advanced by `ms` from `startMs` (ms < 0 goes back). */
  add(startMs: number, ms: number): number;
}

export function timerClock(basis: TimerBasis, calendar: WorkCalendar): TimerClock {
  if (basis === 'wall') return { basis, between: (a, b) => b - a, add: (s, ms) => s + ms };
  return {
    basis,
    between: (a, b) => calendar.workingMsBetween(a, b),
    add: (s, ms) => calendar.addWorkingMsEpoch(s, ms),
  };
}
