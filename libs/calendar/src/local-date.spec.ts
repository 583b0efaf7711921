import {
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  isValidLocalDate,
  nthWeekday,
  parseLocalDate,
  tryParseLocalDate,
  weekdayOf,
  weekdaysBefore,
} from './local-date';

const DAY = 86_400_000;

describe('local-date', () => {
  it('agrees with Date.UTC for every day from 1899 to 2101', () => {
    const start = Date.UTC(1899, 0, 1) / DAY;
    const end = Date.UTC(2101, 11, 31) / DAY;
    const mismatches: string[] = [];
    for (let d = start; d <= end; d++) {
      const js = new Date(d * DAY);
      const iso = js.toISOString().slice(0, 10);
      const c = civilFromDays(d);
      if (c.year !== js.getUTCFullYear() || c.month !== js.getUTCMonth() + 1 || c.day !== js.getUTCDate())
        mismatches.push(`civil ${d}`);
      if (daysFromCivil(js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()) !== d)
        mismatches.push(`days ${iso}`);
      if (weekdayOf(d) !== js.getUTCDay()) mismatches.push(`weekday ${iso}`);
      if (formatLocalDate(d) !== iso) mismatches.push(`format ${iso}`);
      if (tryParseLocalDate(iso) !== d) mismatches.push(`parse ${iso}`);
    }
    expect(mismatches).toEqual([]);
    expect(end - start + 1).toBe(74_144);
  });

  it('knows 1970-01-01 was a Thursday and 2025-01-26 a Sunday', () => {
    expect(weekdayOf(0)).toBe(4);
    expect(weekdayOf(parseLocalDate('2025-01-26'))).toBe(0);
    expect(weekdayOf(parseLocalDate('2025-02-08'))).toBe(6);
  });

  it.each([
    '2025-02-29',
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-01-00',
    '2025-1-01',
    '2025-01-1',
    ' 2025-01-01',
    '2025-01-01 ',
    '2025/01/01',
    '20250101',
    '2025-01-01T00:00:00Z',
    '',
  ])('rejects %j', (bad) => {
    expect(tryParseLocalDate(bad)).toBeUndefined();
    expect(isValidLocalDate(bad)).toBe(false);
    expect(() => parseLocalDate(bad)).toThrow(RangeError);
  });

  it.each([null, undefined, 20250101, {}, new Date(0)])('rejects the non-string %p', (bad) => {
    expect(tryParseLocalDate(bad)).toBeUndefined();
  });

  it('accepts leap days of leap years (2000 and 2024)', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2000-02-29')).toBe(true);
  });

  it('weekdaysBefore counts Mon–Fri in [a, b) for any a ≤ b, negative days included', () => {
    const wrong: string[] = [];
    for (let a = -400; a < 400; a += 3) {
      for (let b = a; b < a + 40; b++) {
        let n = 0;
        for (let d = a; d < b; d++) if (weekdayOf(d) !== 0 && weekdayOf(d) !== 6) n++;
        if (weekdaysBefore(b) - weekdaysBefore(a) !== n) wrong.push(`[${a}, ${b})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nthWeekday inverts weekdaysBefore on weekdays', () => {
    for (let d = -1000; d < 1000; d++) {
      if (weekdayOf(d) === 0 || weekdayOf(d) === 6) continue;
      expect(nthWeekday(weekdaysBefore(d))).toBe(d);
    }
  });
});
