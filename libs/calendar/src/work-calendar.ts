import { CalendarConfigError } from './calendar.error';
import { CHINA_NOTICES } from './data';
import {
  DAY_MS,
  MINUTE_MS,
  daysFromCivil,
  formatLocalDate,
  isWeekend,
  nthWeekday,
  parseLocalDate,
  weekdayOf,
  weekdaysBefore,
  yearOf,
} from './local-date';
import { HolidayNotice, validateNotices } from './notice';
import { DEFAULT_WORKING_HOURS, WorkingPeriod, parseClock, validateWorkingHours } from './working-hours';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  /** The local date, 'YYYY-MM-DD'. */
  readonly date: string;
  readonly kind: DayKind;
  /** kind is 'workday' or 'makeup_workday'. */
  readonly working: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** The holiday's name as the notice gives it (only when kind is 'holiday'). */
  readonly name?: string;
  /** Whether a notice for this date's year is loaded; when false the kind is weekends-only. */
  readonly covered: boolean;
}

/**
 * Where a deadline counted in working DAYS ends on its last day:
 * - 'close_of_business': the end of the day's last working period (17:30 by default);
 * - 'midnight': 24:00 local, i.e. 00:00 of the next calendar day.
 */
export type DayDeadline = 'close_of_business' | 'midnight';

/** An instant: a Date or epoch milliseconds. */
export type Instant = Date | number;

export interface WorkCalendarOptions {
  /** Holiday notices; default: the built-in State Council notices ({@link CHINA_NOTICES}). */
  readonly notices?: readonly HolidayNotice[];
  /** IANA name, a label only unless it is in {@link FIXED_UTC_OFFSETS}; default 'Asia/Shanghai'. */
  readonly timeZone?: string;
  /** Fixed offset from UTC in minutes (+480 for Beijing time). Overrides the lookup of timeZone. */
  readonly utcOffsetMinutes?: number;
  /** Daily working periods in local time; default 09:00–12:00 and 13:30–17:30. */
  readonly workingHours?: readonly WorkingPeriod[];
  /** Default 'close_of_business'. */
  readonly dayDeadline?: DayDeadline;
}

/**
 * Zones this library knows to have had one fixed offset since 1992. Asia/Shanghai observed DST
 * in 1986–1991 only; instants before 1992 are computed with today's +08:00 regardless.
 * Any other zone needs an explicit utcOffsetMinutes (zones with DST are not supported).
 */
export const FIXED_UTC_OFFSETS: Readonly<Record<string, number>> = Object.freeze({
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Harbin': 480,
  PRC: 480,
  'Asia/Hong_Kong': 480,
  'Asia/Macau': 480,
  'Asia/Taipei': 480,
  'Asia/Urumqi': 360,
  UTC: 0,
  'Etc/UTC': 0,
});

const K_WORKDAY = 0;
const K_WEEKEND = 1;
const K_HOLIDAY = 2;
const K_MAKEUP = 3;
const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

function toMs(instant: Instant, what: string): number {
  const ms = typeof instant === 'number' ? instant : instant instanceof Date ? instant.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${what} must be a valid Date or epoch milliseconds`);
  return ms;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function deepFreezeNotice(n: HolidayNotice): HolidayNotice {
  return Object.freeze({
    year: n.year,
    title: n.title,
    reference: n.reference,
    publishedOn: n.publishedOn,
    holidays: Object.freeze(n.holidays.map((h) => Object.freeze({ name: h.name, from: h.from, to: h.to }))),
    makeUpWorkdays: Object.freeze([...n.makeUpWorkdays]),
    ...(n.notes ? { notes: Object.freeze([...n.notes]) } : {}),
  });
}

/**
 * Working time in China: weekends and statutory holidays off, 调休 make-up weekend days on, and
 * working hours within a day. Immutable; build a new one (or call {@link withNotice}) to change it.
 *
 * ## Counting rules
 *
 * Working DAYS (`addWorkingDays`): the day of the start is never counted, whatever the hour
 * (民法典 第二百零一条: 按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算). The deadline is
 * the END of the N-th working day after the start's local day: by default the close of that
 * day's last working period, because 民法典 第二百零三条 says 有业务时间的，停止业务活动的时间为截止时间
 * (choose `dayDeadline: 'midnight'` for 24:00). N = 0 means the end of the start day itself if it
 * is a working day, else of the next working day.
 *
 * Working TIME (`addWorkingMinutes` / `addWorkingHours` / `workingMinutesBetween`): only time
 * inside a working period of a working day counts. Think of a clock W(t) that runs only in
 * working time. `workingMinutesBetween(a, b)` = W(b) − W(a), exact to the millisecond (negative
 * when b < a). `addWorkingMinutes(a, m)` for m > 0 is the EARLIEST instant where W has advanced by
 * m: a deadline that is used up exactly at a period's end lands on that end (11:00 + 1h = 12:00,
 * 17:00 + 30min = 17:30), never on the next period's start. For m < 0 it is the LATEST instant
 * where W is m lower (so 13:30 − 30min = 11:30 and 09:00 − 0 is 09:00). For m = 0 it is `a`.
 *
 * Hence, for a ≤ b: addWorkingMinutes(a, workingMinutesBetween(a, b)) is b itself when b is in
 * working time (start < b ≤ end of a period on a working day); when b is outside working time (or
 * exactly at a period's start) it is the end of the last working period before b — the same point
 * on the working clock as b — or a itself if no working time lies between them.
 * And always: workingMinutesBetween(a, addWorkingMinutes(a, m)) === m (to the millisecond).
 *
 * Years without a notice are weekends-only; see {@link coverage} and {@link isCovered}.
 *
 * ## Cost
 * Everything is O(1) per call, apart from a loop over the (few) working periods of a day. Days
 * of the years that have notices are tabulated (a Uint8Array of day kinds, an Int32Array of
 * cumulative working-day counts and one of the working days themselves); days outside the table
 * use closed-form weekday arithmetic.
 */
export class WorkCalendar {
  readonly timeZone: string;
  readonly utcOffsetMinutes: number;
  readonly workingHours: readonly WorkingPeriod[];
  readonly dayDeadline: DayDeadline;

  private readonly noticeList: readonly HolidayNotice[];
  private readonly years: readonly number[];
  private readonly yearSet: ReadonlySet<number>;
  private readonly offsetMs: number;
  /** Working periods in ms after local midnight. */
  private readonly pStart: Float64Array;
  private readonly pEnd: Float64Array;
  private readonly pLen: Float64Array;
  private readonly dailyMs: number;
  private readonly lastEndMs: number;
  private readonly deadlineTodMs: number;
  /** Day table: epoch days [t0, t1). */
  private readonly t0: number;
  private readonly t1: number;
  private readonly kinds: Uint8Array;
  private readonly holidayNames: ReadonlyMap<number, string>;
  /** cum[i] = number of working days before epoch day t0 + i (same origin as weekdaysBefore). */
  private readonly cum: Int32Array;
  private readonly cumStart: number;
  private readonly cumEnd: number;
  /** working-day count shift after the table: cum = weekdaysBefore(d) + deltaEnd for d ≥ t1. */
  private readonly deltaEnd: number;
  /** workdays[k - cumStart] = epoch day of the working day whose index is k. */
  private readonly workdays: Int32Array;

  constructor(options: WorkCalendarOptions = {}) {
    const problems: string[] = [];
    const notices = options.notices ?? CHINA_NOTICES;
    if (!Array.isArray(notices)) problems.push('notices must be an array');
    else problems.push(...validateNotices(notices));

    const hours = options.workingHours ?? DEFAULT_WORKING_HOURS;
    problems.push(...validateWorkingHours(hours));

    let offset = 0;
    let zone = options.timeZone;
    if (options.utcOffsetMinutes !== undefined) {
      const o = options.utcOffsetMinutes;
      if (typeof o !== 'number' || !Number.isInteger(o) || o < -840 || o > 840) {
        problems.push(`utcOffsetMinutes must be an integer between -840 and 840, got ${JSON.stringify(o)}`);
      } else {
        offset = o;
        const known = zone !== undefined ? FIXED_UTC_OFFSETS[zone] : undefined;
        if (known !== undefined && known !== o) {
          problems.push(`utcOffsetMinutes ${o} contradicts time zone ${zone} (${formatOffset(known)})`);
        }
        zone ??= formatOffset(o);
      }
    } else {
      zone ??= 'Asia/Shanghai';
      const known = FIXED_UTC_OFFSETS[zone];
      if (known === undefined) {
        problems.push(
          `time zone ${JSON.stringify(zone)} is not a known fixed-offset zone: pass utcOffsetMinutes ` +
            `(zones with daylight saving time are not supported)`,
        );
      } else {
        offset = known;
      }
    }

    const dayDeadline = options.dayDeadline ?? 'close_of_business';
    if (dayDeadline !== 'close_of_business' && dayDeadline !== 'midnight') {
      problems.push(
        `dayDeadline must be 'close_of_business' or 'midnight', got ${JSON.stringify(dayDeadline)}`,
      );
    }
    if (problems.length > 0) throw new CalendarConfigError(problems);

    this.timeZone = zone as string;
    this.utcOffsetMinutes = offset;
    this.offsetMs = offset * MINUTE_MS;
    this.dayDeadline = dayDeadline;
    this.workingHours = Object.freeze(hours.map((p) => Object.freeze({ start: p.start, end: p.end })));
    const n = hours.length;
    this.pStart = new Float64Array(n);
    this.pEnd = new Float64Array(n);
    this.pLen = new Float64Array(n);
    let daily = 0;
    hours.forEach((p, i) => {
      this.pStart[i] = parseClock(p.start)! * MINUTE_MS;
      this.pEnd[i] = parseClock(p.end)! * MINUTE_MS;
      this.pLen[i] = this.pEnd[i]! - this.pStart[i]!;
      daily += this.pLen[i]!;
    });
    this.dailyMs = daily;
    this.lastEndMs = this.pEnd[n - 1]!;
    this.deadlineTodMs = dayDeadline === 'midnight' ? DAY_MS : this.lastEndMs;

    this.noticeList = Object.freeze(
      [...notices].sort((a, b) => a.year - b.year).map((x) => deepFreezeNotice(x)),
    );
    this.years = Object.freeze(this.noticeList.map((x) => x.year));
    this.yearSet = new Set(this.years);

    // --- the day table -------------------------------------------------------------------
    let minDay = Infinity;
    let maxDay = -Infinity;
    const holidays: [number, number, string][] = [];
    const makeUps: number[] = [];
    for (const notice of this.noticeList) {
      for (const h of notice.holidays) {
        const from = parseLocalDate(h.from);
        const to = parseLocalDate(h.to);
        holidays.push([from, to, h.name]);
        minDay = Math.min(minDay, from);
        maxDay = Math.max(maxDay, to);
      }
      for (const m of notice.makeUpWorkdays) {
        const d = parseLocalDate(m);
        makeUps.push(d);
        minDay = Math.min(minDay, d);
        maxDay = Math.max(maxDay, d);
      }
    }
    if (minDay === Infinity) {
      this.t0 = 0;
      this.t1 = 0;
    } else {
      this.t0 = daysFromCivil(yearOf(minDay), 1, 1);
      this.t1 = daysFromCivil(yearOf(maxDay) + 1, 1, 1);
    }
    const len = this.t1 - this.t0;
    const kinds = new Uint8Array(len);
    for (let i = 0; i < len; i++) kinds[i] = isWeekend(this.t0 + i) ? K_WEEKEND : K_WORKDAY;
    const names = new Map<number, string>();
    for (const [from, to, name] of holidays) {
      for (let d = from; d <= to; d++) {
        kinds[d - this.t0] = K_HOLIDAY;
        names.set(d, name);
      }
    }
    for (const d of makeUps) kinds[d - this.t0] = K_MAKEUP;
    const cum = new Int32Array(len + 1);
    cum[0] = weekdaysBefore(this.t0);
    for (let i = 0; i < len; i++) {
      const k = kinds[i]!;
      cum[i + 1] = cum[i]! + (k === K_WORKDAY || k === K_MAKEUP ? 1 : 0);
    }
    const workdays = new Int32Array(cum[len]! - cum[0]!);
    for (let i = 0, j = 0; i < len; i++) {
      const k = kinds[i]!;
      if (k === K_WORKDAY || k === K_MAKEUP) workdays[j++] = this.t0 + i;
    }
    this.kinds = kinds;
    this.holidayNames = names;
    this.cum = cum;
    this.cumStart = cum[0]!;
    this.cumEnd = cum[len]!;
    this.deltaEnd = this.cumEnd - weekdaysBefore(this.t1);
    this.workdays = workdays;
  }

  /** A calendar with the same settings and one more notice (throws CalendarConfigError if bad). */
  withNotice(notice: HolidayNotice): WorkCalendar {
    return new WorkCalendar({
      notices: [...this.noticeList, notice],
      timeZone: this.timeZone,
      utcOffsetMinutes: this.utcOffsetMinutes,
      workingHours: this.workingHours,
      dayDeadline: this.dayDeadline,
    });
  }

  /** The loaded notices, by year. */
  notices(): readonly HolidayNotice[] {
    return this.noticeList;
  }

  /** Years that have a notice loaded, ascending. Other years are computed weekends-only. */
  coverage(): readonly number[] {
    return this.years;
  }

  isCovered(year: number): boolean {
    return this.yearSet.has(year);
  }

  // --- days ----------------------------------------------------------------------------------

  /** The local date ('YYYY-MM-DD') of an instant in this calendar's time zone. */
  localDate(instant: Instant): string {
    return formatLocalDate(this.localDay(toMs(instant, 'instant')));
  }

  /** The instant of 00:00 local time on a local date. */
  startOfDay(date: string): Date {
    return new Date(parseLocalDate(date) * DAY_MS - this.offsetMs);
  }

  isWorkingDay(date: string | Date): boolean {
    return this.isWorkingEpochDay(this.dayOf(date));
  }

  kind(date: string | Date): DayInfo {
    const d = this.dayOf(date);
    let k: number;
    if (d >= this.t0 && d < this.t1) k = this.kinds[d - this.t0]!;
    else k = isWeekend(d) ? K_WEEKEND : K_WORKDAY;
    const info: DayInfo = {
      date: formatLocalDate(d),
      kind: KIND_NAMES[k]!,
      working: k === K_WORKDAY || k === K_MAKEUP,
      weekday: weekdayOf(d),
      covered: this.yearSet.has(yearOf(d)),
    };
    return k === K_HOLIDAY ? { ...info, name: this.holidayNames.get(d)! } : info;
  }

  /** Number of working days from `from` to `to`, both included (0 if to < from). */
  countWorkingDays(from: string, to: string): number {
    const a = parseLocalDate(from);
    const b = parseLocalDate(to);
    return b < a ? 0 : this.workingDaysBefore(b + 1) - this.workingDaysBefore(a);
  }

  /** Whether the instant lies in a working period [start, end) of a working day. */
  isWorkingTime(instant: Instant): boolean {
    const local = toMs(instant, 'instant') + this.offsetMs;
    const d = Math.floor(local / DAY_MS);
    if (!this.isWorkingEpochDay(d)) return false;
    const tod = local - d * DAY_MS;
    for (let i = 0; i < this.pStart.length; i++) {
      if (tod >= this.pStart[i]! && tod < this.pEnd[i]!) return true;
    }
    return false;
  }

  // --- deadlines -------------------------------------------------------------------------------

  /**
   * End of the `days`-th working day after the local day of `start` (the start day does not count;
   * see the class comment). `days` is a non-negative integer.
   */
  addWorkingDays(start: Instant, days: number): Date {
    return new Date(this.addWorkingDaysEpoch(toMs(start, 'start'), days));
  }

  /** {@link addWorkingDays} on epoch milliseconds, for hot loops. */
  addWorkingDaysEpoch(startMs: number, days: number): number {
    if (!Number.isSafeInteger(days) || days < 0) {
      throw new RangeError(`days must be a non-negative integer, got ${days}`);
    }
    if (!Number.isFinite(startMs)) throw new RangeError('start must be a finite epoch milliseconds value');
    const d0 = Math.floor((startMs + this.offsetMs) / DAY_MS);
    const index = days === 0 ? this.workingDaysBefore(d0) : this.workingDaysBefore(d0 + 1) + days - 1;
    return this.workdayAt(index) * DAY_MS - this.offsetMs + this.deadlineTodMs;
  }

  /** `start` plus `hours` of working time (fractions allowed; negative goes back). */
  addWorkingHours(start: Instant, hours: number): Date {
    return new Date(this.addWorkingMsEpoch(toMs(start, 'start'), this.durationMs(hours, 3_600_000, 'hours')));
  }

  /** `start` plus `minutes` of working time (fractions allowed; negative goes back). */
  addWorkingMinutes(start: Instant, minutes: number): Date {
    return new Date(
      this.addWorkingMsEpoch(toMs(start, 'start'), this.durationMs(minutes, MINUTE_MS, 'minutes')),
    );
  }

  /** {@link addWorkingMinutes} on epoch milliseconds, for hot loops. */
  addWorkingMinutesEpoch(startMs: number, minutes: number): number {
    return this.addWorkingMsEpoch(startMs, this.durationMs(minutes, MINUTE_MS, 'minutes'));
  }

  /** `start` plus `ms` (an integer) milliseconds of working time, as epoch milliseconds. */
  addWorkingMsEpoch(startMs: number, ms: number): number {
    if (!Number.isFinite(startMs)) throw new RangeError('start must be a finite epoch milliseconds value');
    if (!Number.isSafeInteger(ms)) throw new RangeError(`working milliseconds must be an integer, got ${ms}`);
    if (ms === 0) return startMs;
    const target = this.workedBefore(startMs) + ms;
    return ms > 0 ? this.earliestAt(target) : this.latestAt(target);
  }

  /**
   * Working minutes from a to b (negative if b < a). Exact: a fraction when an end is not on a
   * whole minute. See the class comment for how it inverts addWorkingMinutes.
   */
  workingMinutesBetween(a: Instant, b: Instant): number {
    return this.workingMsBetween(a, b) / MINUTE_MS;
  }

  /** Working milliseconds from a to b (negative if b < a), an exact integer for integer inputs. */
  workingMsBetween(a: Instant, b: Instant): number {
    return this.workedBefore(toMs(b, 'b')) - this.workedBefore(toMs(a, 'a'));
  }

  /** Wall-clock deadline: `start` plus `ms` of elapsed real time, working time or not. */
  addCalendarDuration(start: Instant, ms: number): Date {
    if (!Number.isFinite(ms))
      throw new RangeError(`duration must be a finite number of milliseconds, got ${ms}`);
    return new Date(toMs(start, 'start') + ms);
  }

  // --- internals -----------------------------------------------------------------------------

  private durationMs(amount: number, unit: number, what: string): number {
    if (!Number.isFinite(amount)) throw new RangeError(`${what} must be a finite number, got ${amount}`);
    return Math.round(amount * unit);
  }

  private dayOf(date: string | Date): number {
    if (typeof date === 'string') return parseLocalDate(date);
    return this.localDay(toMs(date, 'date'));
  }

  private localDay(ms: number): number {
    return Math.floor((ms + this.offsetMs) / DAY_MS);
  }

  private isWorkingEpochDay(d: number): boolean {
    if (d >= this.t0 && d < this.t1) {
      const k = this.kinds[d - this.t0]!;
      return k === K_WORKDAY || k === K_MAKEUP;
    }
    const w = (((d + 4) % 7) + 7) % 7;
    return w !== 0 && w !== 6;
  }

  /** Number of working days before epoch day d (any origin-consistent count; differences matter). */
  private workingDaysBefore(d: number): number {
    if (d <= this.t0) return weekdaysBefore(d);
    if (d >= this.t1) return weekdaysBefore(d) + this.deltaEnd;
    return this.cum[d - this.t0]!;
  }

  /** The working day whose index (as counted by workingDaysBefore) is k. */
  private workdayAt(k: number): number {
    if (k < this.cumStart) return nthWeekday(k);
    if (k >= this.cumEnd) return nthWeekday(k - this.deltaEnd);
    return this.workdays[k - this.cumStart]!;
  }

  /** The working clock W(t): working ms before instant t (differences matter, not the origin). */
  private workedBefore(ms: number): number {
    const local = ms + this.offsetMs;
    const d = Math.floor(local / DAY_MS);
    const base = this.workingDaysBefore(d) * this.dailyMs;
    if (!this.isWorkingEpochDay(d)) return base;
    const tod = local - d * DAY_MS;
    let acc = 0;
    for (let i = 0; i < this.pStart.length; i++) {
      const s = this.pStart[i]!;
      if (tod <= s) break;
      const e = this.pEnd[i]!;
      if (tod < e) return base + acc + (tod - s);
      acc += this.pLen[i]!;
    }
    return base + acc;
  }

  /** Earliest instant t with W(t) = target. */
  private earliestAt(target: number): number {
    const k = Math.floor(target / this.dailyMs);
    let rem = target - k * this.dailyMs;
    if (rem === 0) return this.workdayAt(k - 1) * DAY_MS - this.offsetMs + this.lastEndMs;
    const dayStart = this.workdayAt(k) * DAY_MS - this.offsetMs;
    for (let i = 0; i < this.pStart.length; i++) {
      const len = this.pLen[i]!;
      if (rem <= len) return dayStart + this.pStart[i]! + rem;
      rem -= len;
    }
    /* istanbul ignore next: rem < dailyMs */
    return dayStart + this.lastEndMs;
  }

  /** Latest instant t with W(t) = target. */
  private latestAt(target: number): number {
    const k = Math.floor(target / this.dailyMs);
    let rem = target - k * this.dailyMs;
    const dayStart = this.workdayAt(k) * DAY_MS - this.offsetMs;
    for (let i = 0; i < this.pStart.length; i++) {
      const len = this.pLen[i]!;
      if (rem < len) return dayStart + this.pStart[i]! + rem;
      rem -= len;
    }
    /* istanbul ignore next: rem < dailyMs */
    return dayStart + this.lastEndMs;
  }
}

/** A calendar with the built-in State Council notices, Beijing time and the default hours. */
export function createChinaWorkCalendar(options: Omit<WorkCalendarOptions, 'notices'> = {}): WorkCalendar {
  return new WorkCalendar(options);
}
