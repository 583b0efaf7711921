/**
 * Pure proleptic-Gregorian date arithmetic on "epoch days" (days since 1970-01-01), with no
 * Date objects and no time zones. A local date is written as an ISO string 'YYYY-MM-DD'.
 * The conversions are Howard Hinnant's days_from_civil / civil_from_days algorithms.
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a (proleptic Gregorian) civil date. month is 1–12. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of {@link daysFromCivil}. */
export function civilFromDays(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch day of a strict 'YYYY-MM-DD' string, or undefined if it is not one (or not a real date). */
export function tryParseLocalDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = ISO_DATE.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** Epoch day of a strict 'YYYY-MM-DD' string; throws RangeError otherwise. */
export function parseLocalDate(value: string): number {
  const d = tryParseLocalDate(value);
  if (d === undefined)
    throw new RangeError(`not a valid ISO local date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return d;
}

export function isValidLocalDate(value: unknown): value is string {
  return tryParseLocalDate(value) !== undefined;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' of an epoch day (years 0–9999). */
export function formatLocalDate(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Day of week of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: number): boolean {
  const w = weekdayOf(epochDay);
  return w === 0 || w === 6;
}

/** Calendar year of an epoch day. */
export function yearOf(epochDay: number): number {
  return civilFromDays(epochDay).year;
}

/*
 * Closed forms for the "weekends-only" calendar (Mon–Fri work), used outside the years that have
 * notice data, so that no call ever walks day by day.
 *
 * weekdaysBefore(d) = number of Mon–Fri days in [0, d) for d ≥ 0, and minus the number in [d, 0)
 * for d < 0, so that weekdaysBefore(b) - weekdaysBefore(a) counts the weekdays in [a, b) for any a ≤ b.
 * Epoch day -3 (1969-12-29) is a Monday: shifting by 3 puts Mondays at multiples of 7.
 */
export function weekdaysBefore(epochDay: number): number {
  const x = epochDay + 3;
  const weeks = Math.floor(x / 7);
  const r = x - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + (r < 5 ? r : 5) - 3;
}

/** The weekday d with weekdaysBefore(d) === k (the k-th weekday counting day 0 as index 0). */
export function nthWeekday(k: number): number {
  const j = k + 3;
  const weeks = Math.floor(j / 5);
  return weeks * 7 + (j - weeks * 5) - 3;
}
