/**
 * The zone's calendar (Beijing time), whatever the phone's own time zone: a visit's month, a work
 * log's day and a task list's month are the zone's, as the outreach service counts them.
 */
const ZONE = 'Asia/Shanghai';

function parts(at: Date): { year: string; month: string; day: string } {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? '';
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** 2026-03 */
export function zoneMonth(at: Date = new Date()): string {
  const p = parts(at);
  return `${p.year}-${p.month}`;
}

/** 2026-03-09 */
export function zoneDay(at: Date = new Date()): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The first and last day of a month, YYYY-MM-DD. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month before or after, by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "2026年3月" / "March 2026". */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (locale === 'en')
    return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return `${y}年${m}月`;
}

/** A period label of the ledger (2026-03, 2026-Q1, 2026) in the reader's words. */
export function periodLabel(period: string, locale: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return locale === 'en' ? `Q${q[2]} ${q[1]}` : `${q[1]}年第${'一二三四'[Number(q[2]) - 1]}季度`;
  if (/^\d{4}$/.test(period)) return locale === 'en' ? period : `${period}年`;
  return monthLabel(period, locale);
}
