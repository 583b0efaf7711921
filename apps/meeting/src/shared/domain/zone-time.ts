/** The zone's calendar (Asia/Shanghai, UTC+8 all year, no daylight saving). */
const OFFSET_MS = 8 * 3600_000;

export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** YYYY-MM-DD of an instant in the zone. */
export const dayOf = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** True for a real calendar day (2026-02-30 is not one). */
export const isRealDay = (day: string): boolean =>
  DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;

/** Midnight of a zone day, as an instant. */
export const startOfDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+08:00`));

/** 2026年3月10日 14:30, in the zone. */
export function zoneDateTime(at: Date): string {
  const z = new Date(at.getTime() + OFFSET_MS);
  const hh = String(z.getUTCHours()).padStart(2, '0');
  const mm = String(z.getUTCMinutes()).padStart(2, '0');
  return `${zoneDate(at)} ${hh}:${mm}`;
}

/** 2026年3月10日, in the zone. */
export function zoneDate(at: Date): string {
  const z = new Date(at.getTime() + OFFSET_MS);
  return `${z.getUTCFullYear()}年${z.getUTCMonth() + 1}月${z.getUTCDate()}日`;
}
