/** A daily working period in local wall-clock time, 'HH:MM' (end may be '24:00'), start < end. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

/** 09:00–12:00 and 13:30–17:30: the usual hours of a Chinese government office. */
export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes after local midnight of 'HH:MM' ('24:00' allowed), or undefined if malformed. */
export function parseClock(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = HHMM.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/**
 * Problems with a list of working periods; empty when good. Periods must be well-formed, each
 * start < end, listed in order and not overlapping (touching, as 12:00/12:00, is allowed).
 */
export function validateWorkingHours(periods: unknown): string[] {
  if (!Array.isArray(periods)) return ['working hours must be an array of {start, end} periods'];
  if (periods.length === 0) return ['working hours must contain at least one period'];
  const errors: string[] = [];
  let prevEnd: number | undefined;
  let prevLabel = '';
  periods.forEach((p: unknown, i: number) => {
    if (typeof p !== 'object' || p === null) {
      errors.push(`working hours[${i}] must be an object {start, end}`);
      prevEnd = undefined;
      return;
    }
    const { start, end } = p as Record<string, unknown>;
    const s = parseClock(start);
    const e = parseClock(end);
    const label = `working hours[${i}] ${String(start)}–${String(end)}`;
    if (s === undefined)
      errors.push(`working hours[${i}]: start must be HH:MM (00:00–23:59), got ${JSON.stringify(start)}`);
    else if (s === 24 * 60) errors.push(`working hours[${i}]: start cannot be 24:00`);
    if (e === undefined)
      errors.push(`working hours[${i}]: end must be HH:MM (00:01–24:00), got ${JSON.stringify(end)}`);
    if (s === undefined || e === undefined || s === 24 * 60) {
      prevEnd = undefined;
      return;
    }
    if (s >= e) {
      errors.push(`${label}: start must be before end`);
      prevEnd = undefined;
      return;
    }
    if (prevEnd !== undefined && s < prevEnd) {
      errors.push(`${label} overlaps or precedes ${prevLabel}: periods must be in order and not overlap`);
    }
    prevEnd = e;
    prevLabel = label;
  });
  return errors;
}
