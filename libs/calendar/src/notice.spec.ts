import { NOTICE_2019 } from './__fixtures__/notice-2019';
import { HolidayNotice, validateNotice, validateNotices } from './notice';

/** A fabricated but well-formed notice for a year no built-in covers. */
function notice2027(overrides: Partial<Record<keyof HolidayNotice, unknown>> = {}): unknown {
  return {
    year: 2027,
    title: '国务院办公厅关于2027年部分节假日安排的通知（测试用）',
    reference: '测试〔2026〕1号',
    publishedOn: '2026-11-01',
    holidays: [
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
      { name: '春节', from: '2027-02-05', to: '2027-02-12' },
    ],
    makeUpWorkdays: ['2027-02-06'.replace('06', '13')], // 2027-02-13, a Saturday
    ...overrides,
  };
}

function errorsOf(n: unknown, existing: number[] = []): string {
  return validateNotice(n, existing).join('\n');
}

describe('validateNotice', () => {
  it('accepts a well-formed notice', () => {
    expect(validateNotice(notice2027())).toEqual([]);
    expect(validateNotice(notice2027({ makeUpWorkdays: [] }))).toEqual([]);
  });

  it('accepts the 2019 notice, whose 元旦 starts and whose first make-up day falls in December 2018', () => {
    expect(validateNotice(NOTICE_2019)).toEqual([]);
  });

  it('refuses a year already loaded', () => {
    expect(errorsOf(notice2027(), [2025, 2027])).toMatch(/notice 2027: a notice for 2027 is already loaded/);
    expect(validateNotice(notice2027(), new Set([2026]))).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', 'nope', /^notice must be an object$/],
    ['an array', [], /^notice must be an object$/],
  ])('refuses %s', (_l, n, re) => {
    expect(errorsOf(n)).toMatch(re);
  });

  it.each<[string, Partial<Record<keyof HolidayNotice, unknown>>, RegExp]>([
    ['a fractional year', { year: 2027.5 }, /year must be an integer/],
    ['a string year', { year: '2027' }, /year must be an integer/],
    ['an absurd year', { year: 27 }, /year must be an integer between 1900 and 2999/],
    ['an empty title', { title: '  ' }, /title must be a non-empty string/],
    ['a missing reference', { reference: undefined }, /reference must be a non-empty string/],
    ['a malformed publishedOn', { publishedOn: '2026-11-31' }, /publishedOn must be an ISO date/],
    [
      'a publishedOn after the year',
      { publishedOn: '2028-01-02' },
      /publishedOn 2028-01-02 is after the end of 2027/,
    ],
    ['notes that are not strings', { notes: [1] }, /notes, when given, must be an array of strings/],
    ['holidays not an array', { holidays: {} }, /holidays must be an array/],
    ['no holidays', { holidays: [] }, /at least one period/],
    ['a holiday that is not an object', { holidays: ['2027-01-01'] }, /holidays\[0\] must be an object/],
    [
      'a nameless holiday',
      { holidays: [{ name: '', from: '2027-01-01', to: '2027-01-01' }] },
      /holidays\[0\]: name must be a non-empty string/,
    ],
    [
      'a malformed from',
      { holidays: [{ name: '元旦', from: '2027-1-1', to: '2027-01-01' }] },
      /holidays\[0\] \(元旦\): from must be an ISO date YYYY-MM-DD, got "2027-1-1"/,
    ],
    [
      'an impossible to',
      { holidays: [{ name: '春节', from: '2027-02-05', to: '2027-02-30' }] },
      /holidays\[0\] \(春节\): to must be an ISO date/,
    ],
    [
      'from after to',
      { holidays: [{ name: '春节', from: '2027-02-12', to: '2027-02-05' }] },
      /holidays\[0\] \(春节\): from 2027-02-12 is after to 2027-02-05/,
    ],
    [
      'a period in the next year',
      { holidays: [{ name: '元旦', from: '2027-12-31', to: '2028-01-01' }] },
      /2027-12-31..2028-01-01 lies outside 2027/,
    ],
    [
      'a period before December of the previous year',
      { holidays: [{ name: '元旦', from: '2026-11-30', to: '2027-01-01' }] },
      /lies outside 2027/,
    ],
    [
      'a period entirely in the previous year',
      { holidays: [{ name: '元旦', from: '2026-12-30', to: '2026-12-31' }] },
      /2026-12-30..2026-12-31 lies entirely in 2026/,
    ],
    [
      'overlapping periods',
      {
        holidays: [
          { name: '春节', from: '2027-02-05', to: '2027-02-12' },
          { name: '春节补', from: '2027-02-12', to: '2027-02-14' },
        ],
      },
      /holidays\[0\] \(春节\) 2027-02-05..2027-02-12 overlaps holidays\[1\] \(春节补\) 2027-02-12..2027-02-14/,
    ],
    [
      'overlapping periods listed out of order',
      {
        holidays: [
          { name: 'B', from: '2027-05-03', to: '2027-05-05' },
          { name: 'A', from: '2027-05-01', to: '2027-05-04' },
        ],
      },
      /holidays\[1\] \(A\) 2027-05-01..2027-05-04 overlaps holidays\[0\] \(B\)/,
    ],
    ['makeUpWorkdays not an array', { makeUpWorkdays: '2027-02-13' }, /makeUpWorkdays must be an array/],
    [
      'a malformed make-up day',
      { makeUpWorkdays: ['2027-02-31'] },
      /makeUpWorkdays\[0\] must be an ISO date YYYY-MM-DD, got "2027-02-31"/,
    ],
    [
      'a make-up day that is not a weekend',
      { makeUpWorkdays: ['2027-02-15'] },
      /makeUpWorkdays\[0\] 2027-02-15 is a 周一, not a weekend day/,
    ],
    [
      'a make-up day inside a holiday',
      { makeUpWorkdays: ['2027-02-06'] },
      /makeUpWorkdays\[0\] 2027-02-06 falls inside holidays\[1\] \(春节\)/,
    ],
    [
      'a make-up day listed twice',
      { makeUpWorkdays: ['2027-02-13', '2027-02-13'] },
      /makeUpWorkdays\[1\] 2027-02-13 is listed twice/,
    ],
    [
      'a make-up day in the next year',
      { makeUpWorkdays: ['2028-01-08'] },
      /makeUpWorkdays\[0\] 2028-01-08 lies outside 2027/,
    ],
    [
      'a make-up day in November of the previous year',
      { makeUpWorkdays: ['2026-11-28'] },
      /2026-11-28 lies outside 2027/,
    ],
  ])('refuses %s', (_label, overrides, re) => {
    expect(errorsOf(notice2027(overrides))).toMatch(re);
  });

  it('reports every problem at once, each naming the notice', () => {
    const errors = validateNotice(
      notice2027({
        title: '',
        holidays: [{ name: 'X', from: '2027-03-02', to: '2027-03-01' }],
        makeUpWorkdays: ['2027-03-03', 'x'],
      }),
      [2027],
    );
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e.startsWith('notice 2027: ')).toBe(true);
  });
});

describe('validateNotices', () => {
  it('refuses two notices for one year', () => {
    expect(validateNotices([notice2027(), notice2027()]).join('\n')).toMatch(
      /a notice for 2027 is already loaded/,
    );
  });

  it('refuses a date that two notices both arrange', () => {
    const n2018: HolidayNotice = {
      year: 2018,
      title: 'fixture',
      reference: 'fixture',
      publishedOn: '2017-11-30',
      holidays: [{ name: '假', from: '2018-12-29', to: '2018-12-31' }],
      makeUpWorkdays: [],
    };
    expect(validateNotices([n2018, NOTICE_2019]).join('\n')).toMatch(
      /notice 2019: 2018-12-29 is also arranged by the notice for 2018/,
    );
  });

  it('passes a consistent set', () => {
    expect(validateNotices([NOTICE_2019, notice2027()])).toEqual([]);
  });
});
