/**
 * The zone's calendar (Asia/Shanghai, UTC+8 all year, no daylight saving): a visit on 1 March at
 * 07:00 Beijing time belongs to March even though it is still 28 February in UTC.
 */
const OFFSET_MS = 8 * 3600_000;

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** YYYY-MM of an instant in the zone. */
export const monthOf = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 7);

/** YYYY-MM-DD of an instant in the zone. */
export const dayOf = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The instants a month covers in the zone: [from, to). */
export function monthRange(month: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${month}-01T00:00:00+08:00`));
  const to = new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00+08:00`));
  return { from, to };
}

/** True for a real calendar day (2026-02-30 is not one). */
export const isRealDay = (day: string): boolean =>
  DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
