import { addMonths, isCalendarDate, monthsBetween } from './query-fields';

describe('query fields', () => {
  it.each([
    ['2026-03-01', true],
    ['2024-02-29', true],
    ['0001-01-01', true],
    ['0050-06-15', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['0000-01-01', false],
    ['2026-3-01', false],
    ['2026-03-01x', false],
    [20260301, false],
  ])('a calendar day: %s is %s', (value, ok) => {
    expect(isCalendarDate(value)).toBe(ok);
  });

  it('months between two months, both included, across a year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(addMonths('2026-01', -5)).toBe('2025-08');
  });
});
