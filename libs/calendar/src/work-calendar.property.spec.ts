/**
 * Property tests: the table-driven WorkCalendar against a deliberately naive reference that walks
 * day by day, using only Date.UTC arithmetic and Sets of ISO strings built straight from the notices.
 * Instants are drawn with a seeded PRNG (mulberry32), so a failure reproduces.
 */
import { NOTICE_2019 } from './__fixtures__/notice-2019';
import { CHINA_NOTICES } from './data';
import { HolidayNotice } from './notice';
import { WorkCalendar, WorkCalendarOptions } from './work-calendar';
import { WorkingPeriod } from './working-hours';

const DAY = 86_400_000;
const MIN = 60_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The naive model. */
class Reference {
  private readonly off = new Set<string>();
  private readonly on = new Set<string>();
  private readonly offsetMs: number;
  private readonly periods: [number, number][];

  constructor(notices: readonly HolidayNotice[], offsetMinutes: number, hours: readonly WorkingPeriod[]) {
    for (const n of notices) {
      for (const h of n.holidays) {
        for (let t = Date.parse(`${h.from}T00:00:00Z`); t <= Date.parse(`${h.to}T00:00:00Z`); t += DAY) {
          this.off.add(new Date(t).toISOString().slice(0, 10));
        }
      }
      for (const m of n.makeUpWorkdays) this.on.add(m);
    }
    this.offsetMs = offsetMinutes * MIN;
    const clock = (s: string): number => (Number(s.slice(0, 2)) * 60 + Number(s.slice(3))) * MIN;
    this.periods = hours.map((p) => [clock(p.start), clock(p.end)]);
  }

  /** UTC instant of local midnight of the local day containing t. */
  dayStart(t: number): number {
    const local = t + this.offsetMs;
    return local - (((local % DAY) + DAY) % DAY) - this.offsetMs;
  }

  working(dayStart: number): boolean {
    const d = new Date(dayStart + this.offsetMs);
    const iso = d.toISOString().slice(0, 10);
    if (this.on.has(iso)) return true;
    if (this.off.has(iso)) return false;
    const w = d.getUTCDay();
    return w !== 0 && w !== 6;
  }

  /** Working intervals [s, e) of the local day starting at dayStart (UTC ms). */
  intervals(dayStart: number): [number, number][] {
    return this.working(dayStart) ? this.periods.map(([s, e]) => [dayStart + s, dayStart + e]) : [];
  }

  between(a: number, b: number): number {
    if (b < a) return -this.between(b, a);
    let sum = 0;
    for (let day = this.dayStart(a); day < b; day += DAY) {
      for (const [s, e] of this.intervals(day)) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
    }
    return sum;
  }

  /** Earliest instant after a at which `ms` > 0 of working time has elapsed. */
  add(a: number, ms: number): number {
    let left = ms;
    for (let day = this.dayStart(a); ; day += DAY) {
      for (const [s, e] of this.intervals(day)) {
        const from = Math.max(s, a);
        if (from >= e) continue;
        if (left <= e - from) return from + left;
        left -= e - from;
      }
    }
  }

  /** b if b is in (s, e] of a working interval, else the end of the last interval before b. */
  snapBack(b: number): number {
    for (let day = this.dayStart(b); ; day -= DAY) {
      for (const [s, e] of this.intervals(day).reverse()) if (s < b) return Math.min(b, e);
    }
  }

  /** a if a is in [s, e) of a working interval, else the start of the next interval after a. */
  snapForward(a: number): number {
    for (let day = this.dayStart(a); ; day += DAY) {
      for (const [s, e] of this.intervals(day)) if (e > a) return Math.max(a, s);
    }
  }

  /** End of the n-th working day after the local day of t (n ≥ 1), at `endTod` after midnight. */
  addDays(t: number, n: number, endTod: number): number {
    let day = this.dayStart(t);
    for (let k = 0; k < n;) {
      day += DAY;
      if (this.working(day)) k++;
    }
    return day + endTod;
  }
}

interface Scenario {
  name: string;
  options: WorkCalendarOptions;
  endTod: (ref: Reference) => number;
}

const scenarios: Scenario[] = [
  {
    name: 'defaults (Beijing, 09:00–12:00 + 13:30–17:30, 2024–2026)',
    options: {},
    endTod: () => (17 * 60 + 30) * MIN,
  },
  {
    name: 'UTC, three periods incl. touching ones, midnight deadlines, 2019 + 2024–2026',
    options: {
      utcOffsetMinutes: 0,
      notices: [NOTICE_2019, ...CHINA_NOTICES],
      workingHours: [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '12:45' },
        { start: '14:00', end: '18:15' },
      ],
      dayDeadline: 'midnight',
    },
    endTod: () => DAY,
  },
  {
    name: 'weekends only, UTC−03:30, round the clock',
    options: { notices: [], utcOffsetMinutes: -210, workingHours: [{ start: '00:00', end: '24:00' }] },
    endTod: () => DAY,
  },
];

describe.each(scenarios)('WorkCalendar vs naive reference: $name', ({ options, endTod }) => {
  const cal = new WorkCalendar(options);
  const ref = new Reference(options.notices ?? CHINA_NOTICES, cal.utcOffsetMinutes, cal.workingHours);
  const lo = Date.UTC(2018, 10, 1);
  const hi = Date.UTC(2027, 3, 1);

  /** Random instants, often snapped to whole minutes or to period boundaries, to hit edges. */
  function instant(rand: () => number, near?: number, spanDays = 120): number {
    const base = near ?? lo + Math.floor(rand() * (hi - lo));
    let t = near === undefined ? base : base + Math.floor(rand() * spanDays * DAY);
    const r = rand();
    if (r < 0.3) {
      const day = ref.dayStart(t);
      const bounds = cal.workingHours.flatMap((p) => [p.start, p.end]);
      const hhmm = bounds[Math.floor(rand() * bounds.length)]!;
      t = day + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * MIN;
    } else if (r < 0.6) {
      t -= ((t % MIN) + MIN) % MIN;
    }
    return t;
  }

  it('workingMsBetween equals the day-by-day sum (and is antisymmetric)', () => {
    const rand = mulberry32(1);
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const a = instant(rand);
      const b = instant(rand, a - 10 * DAY, i % 50 === 0 ? 900 : 40);
      const got = cal.workingMsBetween(a, b);
      const want = ref.between(a, b);
      if (got !== want)
        bad.push(`${new Date(a).toISOString()} → ${new Date(b).toISOString()}: ${got} ≠ ${want}`);
      if (cal.workingMsBetween(b, a) !== -got) bad.push(`antisymmetry ${a} ${b}`);
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('addWorkingMinutes lands where the reference does, and between() gives the minutes back', () => {
    const rand = mulberry32(2);
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const a = instant(rand);
      const r = rand();
      const minutes =
        r < 0.2
          ? Math.floor(rand() * 60)
          : r < 0.9
            ? Math.floor(rand() * 6000)
            : Math.floor(rand() * 200_000);
      const ms = minutes * MIN + (rand() < 0.2 ? Math.floor(rand() * MIN) : 0);
      const got = cal.addWorkingMsEpoch(a, ms);
      const want = ms === 0 ? a : ref.add(a, ms);
      if (got !== want)
        bad.push(
          `${new Date(a).toISOString()} + ${ms}ms: ${new Date(got).toISOString()} ≠ ${new Date(want).toISOString()}`,
        );
      if (cal.workingMsBetween(a, got) !== ms)
        bad.push(`between(a, a + ${ms}) = ${cal.workingMsBetween(a, got)}`);
      if (ms % MIN === 0 && cal.workingMinutesBetween(a, cal.addWorkingMinutes(a, minutes)) !== minutes)
        bad.push(`minutes ${minutes}`);
      // going back by the same amount returns to a, or to the next working moment if a is not in working time
      const back = cal.addWorkingMsEpoch(got, -ms);
      if (back !== (ms === 0 ? a : ref.snapForward(a))) bad.push(`back from ${got} by ${ms}: ${back}`);
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('addWorkingMinutes(a, workingMinutesBetween(a, b)) is b, or the close of the last working period before b', () => {
    const rand = mulberry32(3);
    const bad: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const x = instant(rand);
      const y = instant(rand, x, i % 50 === 0 ? 700 : 30); // snapping may put y before x
      const [a, b] = x <= y ? [x, y] : [y, x];
      const minutes = cal.workingMinutesBetween(a, b);
      const got = cal.addWorkingMinutes(a, minutes).getTime();
      const want = minutes === 0 ? a : ref.snapBack(b);
      if (got !== want)
        bad.push(
          `a=${new Date(a).toISOString()} b=${new Date(b).toISOString()}: ${new Date(got).toISOString()} ≠ ${new Date(want).toISOString()}`,
        );
      // b strictly inside working time (not at a period's start) is hit exactly
      if (cal.isWorkingTime(b) && cal.isWorkingTime(b - 1) && minutes !== 0 && got !== b)
        bad.push(`b in working time not hit: ${b}`);
      // and backwards: from b, minus the same amount, is a or the next working moment after a
      const gotBack = cal.addWorkingMinutes(b, -minutes).getTime();
      const wantBack = minutes === 0 ? b : ref.snapForward(a);
      if (gotBack !== wantBack)
        bad.push(
          `back b=${new Date(b).toISOString()} a=${new Date(a).toISOString()}: ${new Date(gotBack).toISOString()} ≠ ${new Date(wantBack).toISOString()}`,
        );
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('addWorkingDays equals a day-by-day walk', () => {
    const rand = mulberry32(4);
    const bad: string[] = [];
    const tod = endTod(ref);
    for (let i = 0; i < 3000; i++) {
      const t = instant(rand);
      const n = i % 100 === 0 ? 1 + Math.floor(rand() * 1200) : 1 + Math.floor(rand() * 40);
      const got = cal.addWorkingDaysEpoch(t, n);
      const want = ref.addDays(t, n, tod);
      if (got !== want)
        bad.push(
          `${new Date(t).toISOString()} + ${n}d: ${new Date(got).toISOString()} ≠ ${new Date(want).toISOString()}`,
        );
      if (bad.length > 5) break;
    }
    expect(bad).toEqual([]);
  });

  it('isWorkingDay and isWorkingTime agree with the reference on every day 2018-11 … 2027-03', () => {
    const bad: string[] = [];
    for (let day = ref.dayStart(lo); day < hi; day += DAY) {
      const iso = cal.localDate(day);
      if (cal.isWorkingDay(iso) !== ref.working(day)) bad.push(iso);
      if (
        cal.isWorkingTime(day + 10 * 3_600_000) !==
        ref.intervals(day).some(([s, e]) => s <= day + 10 * 3_600_000 && day + 10 * 3_600_000 < e)
      ) {
        bad.push(`${iso} 10:00`);
      }
    }
    expect(bad).toEqual([]);
  });
});
