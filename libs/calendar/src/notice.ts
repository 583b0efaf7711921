import { daysFromCivil, formatLocalDate, isWeekend, tryParseLocalDate, weekdayOf } from './local-date';

/** One holiday period of a notice, both ends inclusive, as ISO local dates. */
export interface HolidayPeriod {
  /** As the notice names it: '春节', '国庆节、中秋节'… */
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

/**
 * One year's 国务院办公厅关于…年部分节假日安排的通知, as data. This is also the shape an admin API
 * loads for a new year (check it with {@link validateNotice} first).
 */
export interface HolidayNotice {
  /** The year the notice arranges. */
  readonly year: number;
  /** Full title, e.g. '国务院办公厅关于2025年部分节假日安排的通知'. */
  readonly title: string;
  /** Document number, e.g. '国办发明电〔2024〕12号'. */
  readonly reference: string;
  /** Date the notice was issued (the date it is signed with), ISO. */
  readonly publishedOn: string;
  /** Days off (放假 / 放假调休), each period inclusive. */
  readonly holidays: readonly HolidayPeriod[];
  /** Weekend days that become working days (调休上班), ISO dates. */
  readonly makeUpWorkdays: readonly string[];
  /** Free-text remarks (e.g. recommendations that are not days off). Not used for computing. */
  readonly notes?: readonly string[];
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * Which dates a notice for year Y may mention.
 *
 * Dates inside Y are always allowed. Dates in DECEMBER of Y-1 are allowed too, because notices
 * have done exactly that: the 2019 notice (国办发明电〔2018〕15号, 2018-12-04) gave
 * "元旦：2018年12月30日至2019年1月1日放假调休 … 2018年12月29日（星期六）上班", and the 2012 notice
 * made 2011-12-31 a working day. So: a make-up day may fall in December of Y-1, and a holiday period
 * may start in December of Y-1 provided it runs into Y (a New-Year period straddling the boundary).
 * Dates in Y+1 are never allowed: no notice has arranged days of the following year (the next
 * year's notice does that), so such a date is almost certainly a typo of the year.
 */
function earliestAllowedDay(year: number): number {
  return daysFromCivil(year - 1, 12, 1);
}

/**
 * Problems with a notice, one clear message per problem; empty when the notice is good.
 * `notice` is `unknown` because an admin API hands over parsed JSON.
 * `existingYears`: years already loaded (a second notice for a loaded year is refused; a
 * correction is a replacement, which the caller does explicitly by leaving the old year out).
 */
export function validateNotice(notice: unknown, existingYears: Iterable<number> = []): string[] {
  if (typeof notice !== 'object' || notice === null || Array.isArray(notice)) {
    return ['notice must be an object'];
  }
  const n = notice as Record<string, unknown>;
  const errors: string[] = [];
  const year = n.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
  const label = yearOk ? `notice ${year}` : 'notice';
  if (!yearOk) {
    errors.push(
      `${label}: year must be an integer between ${MIN_YEAR} and ${MAX_YEAR}, got ${JSON.stringify(year)}`,
    );
  } else {
    for (const y of existingYears) {
      if (y === year) {
        errors.push(`${label}: a notice for ${year} is already loaded`);
        break;
      }
    }
  }
  for (const field of ['title', 'reference'] as const) {
    const v = n[field];
    if (typeof v !== 'string' || v.trim() === '')
      errors.push(`${label}: ${field} must be a non-empty string`);
  }
  const published = tryParseLocalDate(n.publishedOn);
  if (published === undefined) {
    errors.push(`${label}: publishedOn must be an ISO date YYYY-MM-DD, got ${JSON.stringify(n.publishedOn)}`);
  } else if (yearOk && published > daysFromCivil(year as number, 12, 31)) {
    errors.push(`${label}: publishedOn ${n.publishedOn as string} is after the end of ${year}`);
  }
  if (n.notes !== undefined && (!Array.isArray(n.notes) || n.notes.some((x) => typeof x !== 'string'))) {
    errors.push(`${label}: notes, when given, must be an array of strings`);
  }

  const lo = yearOk ? earliestAllowedDay(year as number) : -Infinity;
  const yearStart = yearOk ? daysFromCivil(year as number, 1, 1) : -Infinity;
  const hi = yearOk ? daysFromCivil(year as number, 12, 31) : Infinity;

  // Holiday periods.
  const periods: { name: string; from: number; to: number; where: string }[] = [];
  if (!Array.isArray(n.holidays)) {
    errors.push(`${label}: holidays must be an array`);
  } else if (n.holidays.length === 0) {
    errors.push(`${label}: holidays must list at least one period`);
  } else {
    n.holidays.forEach((h: unknown, i: number) => {
      if (typeof h !== 'object' || h === null) {
        errors.push(`${label}: holidays[${i}] must be an object {name, from, to}`);
        return;
      }
      const p = h as Record<string, unknown>;
      const name = typeof p.name === 'string' ? p.name : '';
      const where = `holidays[${i}]${name ? ` (${name})` : ''}`;
      if (name.trim() === '') errors.push(`${label}: ${where}: name must be a non-empty string`);
      const from = tryParseLocalDate(p.from);
      const to = tryParseLocalDate(p.to);
      if (from === undefined)
        errors.push(`${label}: ${where}: from must be an ISO date YYYY-MM-DD, got ${JSON.stringify(p.from)}`);
      if (to === undefined)
        errors.push(`${label}: ${where}: to must be an ISO date YYYY-MM-DD, got ${JSON.stringify(p.to)}`);
      if (from === undefined || to === undefined) return;
      if (from > to) {
        errors.push(`${label}: ${where}: from ${p.from as string} is after to ${p.to as string}`);
        return;
      }
      if (yearOk) {
        if (to > hi || from < lo) {
          errors.push(
            `${label}: ${where}: ${p.from as string}..${p.to as string} lies outside ${year} ` +
              `(only a New-Year period may start in December ${(year as number) - 1})`,
          );
          return;
        }
        if (to < yearStart) {
          errors.push(
            `${label}: ${where}: ${p.from as string}..${p.to as string} lies entirely in ${(year as number) - 1}`,
          );
          return;
        }
      }
      periods.push({ name, from, to, where });
    });
    const sorted = [...periods].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (cur.from <= prev.to) {
        errors.push(
          `${label}: ${prev.where} ${formatLocalDate(prev.from)}..${formatLocalDate(prev.to)} overlaps ` +
            `${cur.where} ${formatLocalDate(cur.from)}..${formatLocalDate(cur.to)}`,
        );
      }
    }
  }

  // Make-up working days.
  if (!Array.isArray(n.makeUpWorkdays)) {
    errors.push(`${label}: makeUpWorkdays must be an array (possibly empty)`);
  } else {
    const seen = new Set<number>();
    n.makeUpWorkdays.forEach((value: unknown, i: number) => {
      const where = `makeUpWorkdays[${i}]`;
      const d = tryParseLocalDate(value);
      if (d === undefined) {
        errors.push(`${label}: ${where} must be an ISO date YYYY-MM-DD, got ${JSON.stringify(value)}`);
        return;
      }
      const iso = value as string;
      if (seen.has(d)) {
        errors.push(`${label}: ${where} ${iso} is listed twice`);
        return;
      }
      seen.add(d);
      if (yearOk && (d < lo || d > hi)) {
        errors.push(
          `${label}: ${where} ${iso} lies outside ${year} (only December ${(year as number) - 1} is allowed besides ${year})`,
        );
      }
      if (!isWeekend(d)) {
        errors.push(
          `${label}: ${where} ${iso} is a ${WEEKDAY_ZH[weekdayOf(d)]}, not a weekend day: only a Saturday or Sunday can be made a working day`,
        );
      }
      for (const p of periods) {
        if (d >= p.from && d <= p.to) errors.push(`${label}: ${where} ${iso} falls inside ${p.where}`);
      }
    });
  }
  return errors;
}

/**
 * Problems with a whole set of notices: each notice on its own (in order, a year seen earlier
 * counting as loaded), plus any date that two notices both arrange.
 */
export function validateNotices(notices: readonly unknown[]): string[] {
  const errors: string[] = [];
  const years: number[] = [];
  const owner = new Map<number, number>();
  for (const notice of notices) {
    const own = validateNotice(notice, years);
    errors.push(...own);
    const n = notice as HolidayNotice;
    if (own.length > 0) {
      if (typeof n === 'object' && n !== null && typeof n.year === 'number') years.push(n.year);
      continue;
    }
    years.push(n.year);
    const claim = (d: number): void => {
      const other = owner.get(d);
      if (other !== undefined && other !== n.year) {
        errors.push(`notice ${n.year}: ${formatLocalDate(d)} is also arranged by the notice for ${other}`);
      } else {
        owner.set(d, n.year);
      }
    };
    for (const h of n.holidays) {
      for (let d = tryParseLocalDate(h.from)!, to = tryParseLocalDate(h.to)!; d <= to; d++) claim(d);
    }
    for (const m of n.makeUpWorkdays) claim(tryParseLocalDate(m)!);
  }
  return errors;
}
