import { WorkCalendar } from '@ticketing/calendar';

/** Working units count only office time of the timer's calendar; the others are wall-clock. */
export const DurationUnits = [
  'working_days',
  'working_hours',
  'working_minutes',
  'hours',
  'minutes',
  'seconds',
] as const;
export type DurationUnit = (typeof DurationUnits)[number];

export interface Duration {
  amount: number;
  unit: DurationUnit;
}

export type TimerBasis = 'working' | 'wall';

export const basisOf = (unit: DurationUnit): TimerBasis => (unit.startsWith('working_') ? 'working' : 'wall');

const UNIT_MS: Record<Exclude<DurationUnit, 'working_days'>, number> = {
  working_hours: 3_600_000,
  working_minutes: 60_000,
  hours: 3_600_000,
  minutes: 60_000,
  seconds: 1_000,
};

export const formatDuration = (d: Duration): string => `${d.amount} ${d.unit}`;

/** Length of one full working day of the calendar, in ms (7 h with the default hours). */
export function workingDayMs(calendar: WorkCalendar): number {
  return calendar.workingHours.reduce((sum, p) => sum + clockMs(p.end) - clockMs(p.start), 0);
}

function clockMs(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h! * 60 + m!) * 60_000;
}

/**
 * The allowance a duration gives a timer started at `startMs`, on the timer's own clock
 * (working ms for working units, real ms otherwise). Working days follow the calendar's rule
 * (the start day never counts, the deadline is the close of the n-th working day after it), so
 * their allowance depends on where the timer starts.
 */
export function allowanceMs(d: Duration, calendar: WorkCalendar, startMs: number): number {
  if (d.unit === 'working_days') {
    return calendar.workingMsBetween(startMs, calendar.addWorkingDaysEpoch(startMs, d.amount));
  }
  return Math.round(d.amount * UNIT_MS[d.unit]);
}

/** `fromMs` moved by a duration (forwards, or backwards for a lead time), in the duration's own unit. */
export function shiftInstant(fromMs: number, d: Duration, calendar: WorkCalendar, direction: 1 | -1): number {
  if (d.unit === 'working_days') {
    if (direction === 1) return calendar.addWorkingDaysEpoch(fromMs, d.amount);
    return calendar.addWorkingMsEpoch(fromMs, -d.amount * workingDayMs(calendar));
  }
  const ms = Math.round(d.amount * UNIT_MS[d.unit]) * direction;
  return basisOf(d.unit) === 'working' ? calendar.addWorkingMsEpoch(fromMs, ms) : fromMs + ms;
}
