import { CalendarConfigError } from './calendar.error';
import { CHINA_NOTICES } from './data';
import { HolidayNotice } from './notice';
import { NOTICE_2019 } from './__fixtures__/notice-2019';
import { WorkCalendar, createChinaWorkCalendar } from './work-calendar';

/** An instant given as Beijing wall-clock time 'YYYY-MM-DD HH:MM[:SS]'. */
function bj(local: string): Date {
  const [d, t] = local.split(' ');
  return new Date(`${d}T${t!.length === 5 ? `${t}:00` : t}+08:00`);
}

/** Beijing wall-clock time of an instant, 'YYYY-MM-DD HH:MM' (':SS.mmm' only when not whole minutes). */
function fmt(instant: Date): string {
  const iso = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  const base = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  return iso.slice(16, 23) === ':00.000' ? base : `${base}${iso.slice(16, 23)}`;
}

const cal = new WorkCalendar();

describe('WorkCalendar — days', () => {
  it('defaults to the built-in notices, Beijing time and 09:00–12:00 / 13:30–17:30', () => {
    expect(cal.timeZone).toBe('Asia/Shanghai');
    expect(cal.utcOffsetMinutes).toBe(480);
    expect(cal.workingHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(cal.coverage()).toEqual([2024, 2025, 2026]);
    expect(cal.notices()).toHaveLength(3);
    expect(createChinaWorkCalendar().coverage()).toEqual([2024, 2025, 2026]);
  });

  it.each([
    // 2025 春节 make-up days
    ['2025-01-26', 'makeup_workday', 0],
    ['2025-02-08', 'makeup_workday', 6],
    // 2024 春节 make-up days (both Sundays)
    ['2024-02-04', 'makeup_workday', 0],
    ['2024-02-18', 'makeup_workday', 0],
    ['2024-05-11', 'makeup_workday', 6],
    ['2024-10-12', 'makeup_workday', 6],
    // 2026
    ['2026-01-04', 'makeup_workday', 0],
    ['2026-02-14', 'makeup_workday', 6],
    ['2026-02-28', 'makeup_workday', 6],
    ['2026-05-09', 'makeup_workday', 6],
    ['2026-09-20', 'makeup_workday', 0],
    ['2026-10-10', 'makeup_workday', 6],
    // 除夕 2024 (Friday 2/9) is only "encouraged" off: a working day
    ['2024-02-09', 'workday', 5],
    // ordinary days
    ['2025-03-03', 'workday', 1],
    ['2025-03-08', 'weekend', 6],
    ['2025-02-09', 'weekend', 0],
  ])('%s is a %s', (date, kind, weekday) => {
    const info = cal.kind(date);
    expect(info).toEqual({ date, kind, weekday, working: kind !== 'weekend', covered: true });
    expect(cal.isWorkingDay(date)).toBe(kind !== 'weekend');
  });

  it('2025-10-01 to 2025-10-08 are all off, named 国庆节、中秋节; 10-09 and the Saturday 10-11 work', () => {
    for (let d = 1; d <= 8; d++) {
      const date = `2025-10-0${d}`;
      expect(cal.isWorkingDay(date)).toBe(false);
      expect(cal.kind(date)).toMatchObject({ kind: 'holiday', name: '国庆节、中秋节', working: false });
    }
    expect(cal.isWorkingDay('2025-10-09')).toBe(true);
    expect(cal.isWorkingDay('2025-10-10')).toBe(true);
    expect(cal.kind('2025-10-11').kind).toBe('makeup_workday');
    expect(cal.kind('2025-10-12').kind).toBe('weekend');
  });

  it.each([
    ['2024-01-01', '元旦'],
    ['2024-02-10', '春节'],
    ['2024-02-17', '春节'],
    ['2024-04-04', '清明节'],
    ['2024-05-05', '劳动节'],
    ['2024-06-10', '端午节'],
    ['2024-09-16', '中秋节'],
    ['2024-10-07', '国庆节'],
    ['2025-01-01', '元旦'],
    ['2025-01-28', '春节'],
    ['2025-02-04', '春节'],
    ['2025-05-02', '劳动节'],
    ['2025-06-02', '端午节'],
    ['2026-01-02', '元旦'],
    ['2026-02-23', '春节'],
    ['2026-05-05', '劳动节'],
    ['2026-06-19', '端午节'],
    ['2026-09-25', '中秋节'],
    ['2026-10-07', '国庆节'],
  ])('%s is the holiday %s', (date, name) => {
    expect(cal.kind(date)).toMatchObject({ kind: 'holiday', name, working: false });
  });

  it('counts the working days of each year: 251, 248, 248', () => {
    expect(cal.countWorkingDays('2024-01-01', '2024-12-31')).toBe(251);
    expect(cal.countWorkingDays('2025-01-01', '2025-12-31')).toBe(248);
    expect(cal.countWorkingDays('2026-01-01', '2026-12-31')).toBe(248);
    // 2025 春节 fortnight: 1/26 (Sun, make-up) and 1/27 work, 1/28–2/4 off, 2/5–2/8 work (2/8 Sat make-up)
    expect(cal.countWorkingDays('2025-01-25', '2025-02-09')).toBe(6);
    expect(cal.countWorkingDays('2025-02-09', '2025-01-25')).toBe(0);
  });

  it('treats years without a notice as weekends-only, and says so', () => {
    expect(cal.isCovered(2025)).toBe(true);
    expect(cal.isCovered(2023)).toBe(false);
    expect(cal.isCovered(2027)).toBe(false);
    // 2027-01-01 (Friday) will surely be 元旦, but no notice says so yet
    expect(cal.kind('2027-01-01')).toEqual({
      date: '2027-01-01',
      kind: 'workday',
      weekday: 5,
      working: true,
      covered: false,
    });
    expect(cal.kind('2027-01-02').kind).toBe('weekend');
    expect(cal.kind('2023-10-02')).toMatchObject({ kind: 'workday', covered: false });
    expect(cal.countWorkingDays('2030-01-01', '2030-12-31')).toBe(261);
    expect(cal.countWorkingDays('1999-12-27', '2000-01-09')).toBe(10);
  });

  it('rejects malformed dates', () => {
    expect(() => cal.isWorkingDay('2025-02-29')).toThrow(RangeError);
    expect(() => cal.kind('2025-2-1')).toThrow(RangeError);
    expect(() => cal.isWorkingDay(new Date(NaN))).toThrow(RangeError);
  });
});

describe('WorkCalendar — time zone', () => {
  it('2025-01-01T16:30Z is 00:30 on 2 January in Shanghai, a working Thursday after 元旦', () => {
    const t = new Date('2025-01-01T16:30:00Z');
    expect(cal.localDate(t)).toBe('2025-01-02');
    expect(cal.isWorkingDay(t)).toBe(true);
    expect(cal.kind(t)).toMatchObject({ date: '2025-01-02', kind: 'workday' });
    expect(cal.isWorkingTime(t)).toBe(false);
    // one hour of work from 00:30 local: 09:00–10:00 on 2 January = 02:00Z
    expect(cal.addWorkingHours(t, 1).toISOString()).toBe('2025-01-02T02:00:00.000Z');
    // one working day: the start day (2 Jan, local) does not count → end of Friday 3 January
    expect(cal.addWorkingDays(t, 1).toISOString()).toBe('2025-01-03T09:30:00.000Z');
  });

  it('2025-01-01T15:59Z is still 元旦 (23:59 local)', () => {
    expect(cal.kind(new Date('2025-01-01T15:59:00Z'))).toMatchObject({
      date: '2025-01-01',
      kind: 'holiday',
      name: '元旦',
    });
    // start day 1 Jan does not count; 2 Jan is the first working day
    expect(cal.addWorkingDays(new Date('2025-01-01T15:59:00Z'), 1).toISOString()).toBe(
      '2025-01-02T09:30:00.000Z',
    );
  });

  it('startOfDay is local midnight', () => {
    expect(cal.startOfDay('2025-01-02').toISOString()).toBe('2025-01-01T16:00:00.000Z');
  });

  it('honours an explicit utcOffsetMinutes (UTC calendar sees the same instant on 1 January, a holiday)', () => {
    const utc = new WorkCalendar({ utcOffsetMinutes: 0 });
    expect(utc.timeZone).toBe('UTC+00:00');
    const t = new Date('2025-01-01T16:30:00Z');
    expect(utc.localDate(t)).toBe('2025-01-01');
    expect(utc.isWorkingDay(t)).toBe(false);
    expect(utc.addWorkingHours(t, 1).toISOString()).toBe('2025-01-02T10:00:00.000Z');
    const urumqi = new WorkCalendar({ timeZone: 'Asia/Urumqi' });
    expect(urumqi.utcOffsetMinutes).toBe(360);
    expect(
      new WorkCalendar({ timeZone: 'America/Argentina/Buenos_Aires', utcOffsetMinutes: -180 }).timeZone,
    ).toBe('America/Argentina/Buenos_Aires');
    expect(new WorkCalendar({ utcOffsetMinutes: -570 }).timeZone).toBe('UTC-09:30');
  });
});

describe('WorkCalendar — working-day deadlines', () => {
  it('5 working days from Monday 2025-01-27 cross 春节 and the make-up Saturday 2025-02-08', () => {
    // Start day 1/27 (Mon) does not count. 1/28–2/4 are 春节 (off).
    //   #1 2/5 Wed, #2 2/6 Thu, #3 2/7 Fri, #4 2/8 Sat (调休上班), 2/9 Sun off, #5 2/10 Mon.
    // Due at the close of business of 2/10: 17:30 Beijing time.
    expect(fmt(cal.addWorkingDays(bj('2025-01-27 10:00'), 5))).toBe('2025-02-10 17:30');
    // From Friday 1/24: #1 1/26 (Sun, 调休上班), #2 1/27, #3 2/5, #4 2/6, #5 2/7.
    expect(fmt(cal.addWorkingDays(bj('2025-01-24 16:00'), 5))).toBe('2025-02-07 17:30');
    // From 1/25 (Sat): #1 1/26 (Sun) — a weekend start works the make-up Sunday.
    expect(fmt(cal.addWorkingDays(bj('2025-01-25 09:00'), 1))).toBe('2025-01-26 17:30');
  });

  it('does not count the start day, whatever the hour', () => {
    expect(fmt(cal.addWorkingDays(bj('2025-03-03 00:00'), 1))).toBe('2025-03-04 17:30');
    expect(fmt(cal.addWorkingDays(bj('2025-03-03 23:59'), 1))).toBe('2025-03-04 17:30');
    // Friday → Monday
    expect(fmt(cal.addWorkingDays(bj('2025-03-07 08:00'), 1))).toBe('2025-03-10 17:30');
    expect(fmt(cal.addWorkingDays(bj('2025-03-07 08:00'), 10))).toBe('2025-03-21 17:30');
  });

  it('0 working days is the end of the start day, or of the next working day', () => {
    expect(fmt(cal.addWorkingDays(bj('2025-03-03 20:00'), 0))).toBe('2025-03-03 17:30');
    expect(fmt(cal.addWorkingDays(bj('2025-10-03 10:00'), 0))).toBe('2025-10-09 17:30');
  });

  it('skips the whole 2025 国庆节、中秋节 week and works the make-up Saturday 10-11', () => {
    // 9/30 Tue start; #1 10/9 Thu, #2 10/10 Fri, #3 10/11 Sat (调休上班), #4 10/13 Mon
    expect(fmt(cal.addWorkingDays(bj('2025-09-30 11:00'), 4))).toBe('2025-10-13 17:30');
    // 9/26 Fri start: #1 9/28 Sun (调休上班), #2 9/29, #3 9/30, #4 10/9
    expect(fmt(cal.addWorkingDays(bj('2025-09-26 11:00'), 4))).toBe('2025-10-09 17:30');
  });

  it('crosses 2024 春节 (two Sunday make-up days) and 2026 春节 (9 days, two Saturday make-up days)', () => {
    // 2/2 Fri 2024: #1 2/4 Sun, #2 2/5, … #5 2/8 Thu, #6 2/9 Fri (除夕, working), #7 2/18 Sun, #8 2/19
    expect(fmt(cal.addWorkingDays(bj('2024-02-02 15:00'), 8))).toBe('2024-02-19 17:30');
    // 2/13 Fri 2026: #1 2/14 Sat, #2 2/24 Tue, #3 2/25, #4 2/26, #5 2/27, #6 2/28 Sat, #7 3/2 Mon
    expect(fmt(cal.addWorkingDays(bj('2026-02-13 15:00'), 7))).toBe('2026-03-02 17:30');
  });

  it('crosses the boundaries of the covered years', () => {
    // 2023 is uncovered: 12/30–31 plain weekend; 2024-01-01 is 元旦 → 1/2
    expect(fmt(cal.addWorkingDays(bj('2023-12-29 10:00'), 1))).toBe('2024-01-02 17:30');
    // 2026-12-30 Wed: #1 12/31, #2 2027-01-01 (uncovered: a plain Friday), #3 1/4
    expect(fmt(cal.addWorkingDays(bj('2026-12-30 10:00'), 3))).toBe('2027-01-04 17:30');
    // a long deadline straight across the table, both ends outside it:
    // 2023-12-01 (Fri) → 2027-02-01: 2023 Dec rest 20 + 251 + 248 + 248 + Jan 2027 21 + Feb 1 = 789
    expect(fmt(cal.addWorkingDays(bj('2023-12-01 10:00'), 789))).toBe('2027-02-01 17:30');
  });

  it("can end at 24:00 instead (dayDeadline: 'midnight')", () => {
    const midnight = new WorkCalendar({ dayDeadline: 'midnight' });
    expect(fmt(midnight.addWorkingDays(bj('2025-01-27 10:00'), 5))).toBe('2025-02-11 00:00');
  });

  it('refuses negative, fractional and non-finite day counts', () => {
    expect(() => cal.addWorkingDays(bj('2025-03-03 10:00'), -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(bj('2025-03-03 10:00'), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(bj('2025-03-03 10:00'), Infinity)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date('nope'), 1)).toThrow(RangeError);
  });

  it('accepts epoch milliseconds as well as Dates', () => {
    const t = bj('2025-01-27 10:00');
    expect(cal.addWorkingDays(t.getTime(), 5)).toEqual(cal.addWorkingDays(t, 5));
    expect(cal.addWorkingDaysEpoch(t.getTime(), 5)).toBe(cal.addWorkingDays(t, 5).getTime());
  });
});

describe('WorkCalendar — working-hour deadlines', () => {
  it.each<[string, number, string, string]>([
    ['skips lunch: 11:30 + 1h = 12:00 then 13:30 + 0:30', 60, '2025-03-03 11:30', '2025-03-03 14:00'],
    ['skips the night: 17:00 + 2h = 0:30 today + 1:30 tomorrow', 120, '2025-03-03 17:00', '2025-03-04 10:30'],
    ['skips the weekend: Friday 17:00 + 2h', 120, '2025-03-07 17:00', '2025-03-10 10:30'],
    ['skips 国庆节、中秋节 2025: 9/30 17:00 + 2h', 120, '2025-09-30 17:00', '2025-10-09 10:30'],
    ['skips 春节 2025: 1/27 16:00 + 3h', 180, '2025-01-27 16:00', '2025-02-05 10:30'],
    ['works the make-up Sunday: Saturday 2025-01-25 10:00 + 1h', 60, '2025-01-25 10:00', '2025-01-26 10:00'],
    ['works the make-up Saturday: Friday 2025-02-07 17:00 + 1h', 60, '2025-02-07 17:00', '2025-02-08 09:30'],
    [
      'lands on the end of the morning, not after lunch: 11:00 + 1h',
      60,
      '2025-03-03 11:00',
      '2025-03-03 12:00',
    ],
    [
      'lands on the close of business, not next morning: 17:00 + 30min',
      30,
      '2025-03-03 17:00',
      '2025-03-03 17:30',
    ],
    [
      'starts counting at opening when started at night: 03:00 + 1h',
      60,
      '2025-03-04 03:00',
      '2025-03-04 10:00',
    ],
    [
      'starts counting after lunch when started at lunch: 12:10 + 15min',
      15,
      '2025-03-04 12:10',
      '2025-03-04 13:45',
    ],
    ['a full working day (7h) from 09:00 ends at 17:30', 420, '2025-03-04 09:00', '2025-03-04 17:30'],
    ['7h from 10:00 ends 10:00 next working day', 420, '2025-03-04 10:00', '2025-03-05 10:00'],
    ['a week of working hours (35h) from Monday 09:00', 2100, '2025-03-03 09:00', '2025-03-07 17:30'],
    ['0 minutes is the start itself, even at night', 0, '2025-03-04 22:00', '2025-03-04 22:00'],
    ['goes back: 13:30 − 30min = 11:30', -30, '2025-03-04 13:30', '2025-03-04 11:30'],
    [
      'goes back over a night: 09:30 − 1h = 17:00 the day before',
      -60,
      '2025-03-05 09:30',
      '2025-03-04 17:00',
    ],
    [
      'goes back to a period start, not the previous end: 10:00 − 1h',
      -60,
      '2025-03-05 10:00',
      '2025-03-05 09:00',
    ],
    ['goes back over 春节 2025: 2/5 09:30 − 1h', -60, '2025-02-05 09:30', '2025-01-27 17:00'],
  ])('%s', (_label, minutes, from, to) => {
    expect(fmt(cal.addWorkingMinutes(bj(from), minutes))).toBe(to);
    expect(fmt(cal.addWorkingHours(bj(from), minutes / 60))).toBe(to);
    expect(cal.addWorkingMinutesEpoch(bj(from).getTime(), minutes)).toBe(bj(to).getTime());
  });

  it('keeps seconds and milliseconds exactly', () => {
    expect(fmt(cal.addWorkingMinutes(bj('2025-03-03 11:59:30'), 1))).toBe('2025-03-03 13:30:30.000');
    expect(fmt(cal.addWorkingMinutes(bj('2025-03-03 10:00'), 0.5))).toBe('2025-03-03 10:00:30.000');
    expect(cal.addWorkingMsEpoch(bj('2025-03-03 10:00').getTime(), 1)).toBe(
      bj('2025-03-03 10:00').getTime() + 1,
    );
  });

  it('refuses non-finite durations', () => {
    expect(() => cal.addWorkingMinutes(bj('2025-03-03 10:00'), NaN)).toThrow(RangeError);
    expect(() => cal.addWorkingHours(bj('2025-03-03 10:00'), Infinity)).toThrow(RangeError);
    expect(() => cal.addWorkingMsEpoch(bj('2025-03-03 10:00').getTime(), 0.5)).toThrow(RangeError);
  });

  it('isWorkingTime is [start, end) of a period on a working day', () => {
    expect(cal.isWorkingTime(bj('2025-03-03 09:00'))).toBe(true);
    expect(cal.isWorkingTime(bj('2025-03-03 11:59'))).toBe(true);
    expect(cal.isWorkingTime(bj('2025-03-03 12:00'))).toBe(false);
    expect(cal.isWorkingTime(bj('2025-03-03 13:29'))).toBe(false);
    expect(cal.isWorkingTime(bj('2025-03-03 17:29'))).toBe(true);
    expect(cal.isWorkingTime(bj('2025-03-03 17:30'))).toBe(false);
    expect(cal.isWorkingTime(bj('2025-02-08 10:00'))).toBe(true); // make-up Saturday
    expect(cal.isWorkingTime(bj('2025-02-04 10:00'))).toBe(false); // 春节
  });

  it('custom hours: one long period with a touching second one', () => {
    const c = new WorkCalendar({
      workingHours: [
        { start: '08:00', end: '12:00' },
        { start: '12:00', end: '16:00' },
      ],
    });
    expect(fmt(c.addWorkingHours(bj('2025-03-03 11:00'), 2))).toBe('2025-03-03 13:00');
    expect(fmt(c.addWorkingHours(bj('2025-03-03 15:00'), 2))).toBe('2025-03-04 09:00');
    expect(fmt(c.addWorkingDays(bj('2025-03-03 15:00'), 1))).toBe('2025-03-04 16:00');
    expect(c.workingMinutesBetween(bj('2025-03-03 00:00'), bj('2025-03-04 00:00'))).toBe(480);
  });

  it('round-the-clock hours count every minute of working days only', () => {
    const c = new WorkCalendar({ workingHours: [{ start: '00:00', end: '24:00' }] });
    expect(fmt(c.addWorkingHours(bj('2025-03-07 23:00'), 2))).toBe('2025-03-10 01:00');
    expect(fmt(c.addWorkingHours(bj('2025-03-07 23:00'), 1))).toBe('2025-03-08 00:00');
    expect(c.workingMinutesBetween(bj('2025-03-07 00:00'), bj('2025-03-11 00:00'))).toBe(2 * 1440); // Friday and Monday
  });
});

describe('WorkCalendar — workingMinutesBetween', () => {
  it.each<[string, string, number]>([
    ['2025-03-03 09:00', '2025-03-03 17:30', 420],
    ['2025-03-03 11:30', '2025-03-03 14:00', 60],
    ['2025-03-03 12:00', '2025-03-03 13:30', 0],
    ['2025-03-03 17:00', '2025-03-04 10:30', 120],
    ['2025-03-07 17:00', '2025-03-10 10:30', 120],
    ['2025-01-27 09:00', '2025-02-06 09:00', 2 * 420], // 1/27 and 2/5 only
    ['2025-01-24 09:00', '2025-02-09 09:00', 7 * 420], // 1/24, 1/26, 1/27, 2/5, 2/6, 2/7, 2/8
    ['2025-03-03 10:00', '2025-03-03 10:00', 0],
    ['2025-03-03 17:30', '2025-03-03 09:00', -420],
  ])('%s → %s is %i minutes', (a, b, minutes) => {
    expect(cal.workingMinutesBetween(bj(a), bj(b))).toBe(minutes);
  });

  it('is fractional for instants off the minute, and exact in ms', () => {
    expect(cal.workingMinutesBetween(bj('2025-03-03 10:00'), bj('2025-03-03 10:00:30'))).toBe(0.5);
    expect(cal.workingMsBetween(bj('2025-03-03 10:00').getTime(), bj('2025-03-03 10:00').getTime() + 7)).toBe(
      7,
    );
  });

  it('inverts addWorkingMinutes as documented for b outside working time', () => {
    // b at night: lands at the close of business before b
    const a = bj('2025-03-03 10:00');
    const night = bj('2025-03-03 22:00');
    expect(fmt(cal.addWorkingMinutes(a, cal.workingMinutesBetween(a, night)))).toBe('2025-03-03 17:30');
    // b at lunch: lands at 12:00
    expect(fmt(cal.addWorkingMinutes(a, cal.workingMinutesBetween(a, bj('2025-03-03 13:00'))))).toBe(
      '2025-03-03 12:00',
    );
    // b exactly at 13:30 (a period start): also 12:00 — the same point of the working clock
    expect(fmt(cal.addWorkingMinutes(a, cal.workingMinutesBetween(a, bj('2025-03-03 13:30'))))).toBe(
      '2025-03-03 12:00',
    );
    // no working time in between: the start itself
    const evening = bj('2025-03-03 18:00');
    expect(fmt(cal.addWorkingMinutes(evening, cal.workingMinutesBetween(evening, night)))).toBe(
      '2025-03-03 18:00',
    );
  });
});

describe('WorkCalendar — wall-clock durations', () => {
  it('addCalendarDuration adds elapsed time, holidays or not', () => {
    expect(fmt(cal.addCalendarDuration(bj('2025-01-28 10:00'), 48 * 3_600_000))).toBe('2025-01-30 10:00');
    expect(() => cal.addCalendarDuration(bj('2025-01-28 10:00'), NaN)).toThrow(RangeError);
  });
});

describe('WorkCalendar — configuration', () => {
  function problems(fn: () => unknown): string {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarConfigError);
      return (e as CalendarConfigError).problems.join('\n');
    }
    throw new Error('expected a CalendarConfigError');
  }

  it('refuses bad working hours', () => {
    expect(
      problems(
        () =>
          new WorkCalendar({
            workingHours: [
              { start: '09:00', end: '12:00' },
              { start: '11:00', end: '17:30' },
            ],
          }),
      ),
    ).toMatch(/overlaps or precedes/);
    expect(problems(() => new WorkCalendar({ workingHours: [] }))).toMatch(/at least one period/);
    expect(problems(() => new WorkCalendar({ workingHours: [{ start: '18:00', end: '09:00' }] }))).toMatch(
      /start must be before end/,
    );
  });

  it('refuses an unknown zone without an offset, a contradicting offset and a silly offset', () => {
    expect(problems(() => new WorkCalendar({ timeZone: 'Europe/Berlin' }))).toMatch(
      /not a known fixed-offset zone: pass utcOffsetMinutes/,
    );
    expect(problems(() => new WorkCalendar({ timeZone: 'Asia/Shanghai', utcOffsetMinutes: 540 }))).toMatch(
      /contradicts time zone Asia\/Shanghai/,
    );
    expect(problems(() => new WorkCalendar({ utcOffsetMinutes: 900 }))).toMatch(/between -840 and 840/);
    expect(problems(() => new WorkCalendar({ utcOffsetMinutes: 7.5 }))).toMatch(/must be an integer/);
  });

  it('refuses a bad dayDeadline', () => {
    expect(problems(() => new WorkCalendar({ dayDeadline: 'noon' as never }))).toMatch(/dayDeadline/);
  });

  it('refuses bad notices, listing every problem', () => {
    const bad = { ...CHINA_NOTICES[1]!, makeUpWorkdays: ['2025-01-27'] } as HolidayNotice; // a Monday
    const text = problems(() => new WorkCalendar({ notices: [bad, CHINA_NOTICES[1]!] }));
    expect(text).toMatch(/notice 2025: makeUpWorkdays\[0\] 2025-01-27 is a 周一, not a weekend day/);
    expect(text).toMatch(/notice 2025: a notice for 2025 is already loaded/);
  });

  it('withNotice loads a new year (and refuses one already loaded)', () => {
    const with2019 = cal.withNotice(NOTICE_2019);
    expect(with2019.coverage()).toEqual([2019, 2024, 2025, 2026]);
    expect(cal.coverage()).toEqual([2024, 2025, 2026]); // immutable
    // 2018-12-29 (Saturday) was a make-up day, arranged by the 2019 notice although 2018 itself is uncovered
    expect(with2019.kind('2018-12-29')).toMatchObject({ kind: 'makeup_workday', covered: false });
    expect(with2019.kind('2018-12-31')).toMatchObject({ kind: 'holiday', name: '元旦' });
    expect(fmt(with2019.addWorkingDays(bj('2018-12-28 10:00'), 2))).toBe('2019-01-02 17:30');
    expect(with2019.utcOffsetMinutes).toBe(480);
    expect(problems(() => with2019.withNotice(NOTICE_2019))).toMatch(/a notice for 2019 is already loaded/);
  });

  it('works with no notices at all (weekends-only)', () => {
    const plain = new WorkCalendar({ notices: [] });
    expect(plain.coverage()).toEqual([]);
    expect(plain.isWorkingDay('2025-01-01')).toBe(true);
    expect(plain.isWorkingDay('2025-01-26')).toBe(false);
    expect(fmt(plain.addWorkingDays(bj('2025-01-27 10:00'), 5))).toBe('2025-02-03 17:30');
  });

  it('does not change when the caller mutates the notices it passed', () => {
    const copy: HolidayNotice = JSON.parse(JSON.stringify(NOTICE_2019));
    const c = new WorkCalendar({ notices: [copy] });
    (copy.makeUpWorkdays as string[]).length = 0;
    expect(c.kind('2018-12-29').kind).toBe('makeup_workday');
    expect(Object.isFrozen(c.notices()[0]!.makeUpWorkdays)).toBe(true);
  });
});
