import { parseLocalDate, weekdayOf } from '../local-date';
import { HolidayNotice, validateNotice, validateNotices } from '../notice';
import { CHINA_2024, CHINA_2025, CHINA_2026, CHINA_NOTICES } from './index';

/**
 * The arrangements as the notices state them, written out independently of the data files:
 * [name, from, to, 共N天] and [make-up day, the weekday the notice prints next to it].
 */
const STATED: Record<
  number,
  {
    reference: string;
    publishedOn: string;
    statutoryDays: number;
    workingDays: number;
    holidays: [string, string, string, number][];
    makeUps: [string, '周六' | '周日'][];
  }
> = {
  2024: {
    reference: '国办发明电〔2023〕7号',
    publishedOn: '2023-10-25',
    statutoryDays: 11,
    workingDays: 251,
    holidays: [
      ['元旦', '2024-01-01', '2024-01-01', 1],
      ['春节', '2024-02-10', '2024-02-17', 8],
      ['清明节', '2024-04-04', '2024-04-06', 3],
      ['劳动节', '2024-05-01', '2024-05-05', 5],
      ['端午节', '2024-06-10', '2024-06-10', 1],
      ['中秋节', '2024-09-15', '2024-09-17', 3],
      ['国庆节', '2024-10-01', '2024-10-07', 7],
    ],
    makeUps: [
      ['2024-02-04', '周日'],
      ['2024-02-18', '周日'],
      ['2024-04-07', '周日'],
      ['2024-04-28', '周日'],
      ['2024-05-11', '周六'],
      ['2024-09-14', '周六'],
      ['2024-09-29', '周日'],
      ['2024-10-12', '周六'],
    ],
  },
  2025: {
    reference: '国办发明电〔2024〕12号',
    publishedOn: '2024-11-12',
    statutoryDays: 13,
    workingDays: 248,
    holidays: [
      ['元旦', '2025-01-01', '2025-01-01', 1],
      ['春节', '2025-01-28', '2025-02-04', 8],
      ['清明节', '2025-04-04', '2025-04-06', 3],
      ['劳动节', '2025-05-01', '2025-05-05', 5],
      ['端午节', '2025-05-31', '2025-06-02', 3],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08', 8],
    ],
    makeUps: [
      ['2025-01-26', '周日'],
      ['2025-02-08', '周六'],
      ['2025-04-27', '周日'],
      ['2025-09-28', '周日'],
      ['2025-10-11', '周六'],
    ],
  },
  2026: {
    reference: '国办发明电〔2025〕7号',
    publishedOn: '2025-11-04',
    statutoryDays: 13,
    workingDays: 248,
    holidays: [
      ['元旦', '2026-01-01', '2026-01-03', 3],
      ['春节', '2026-02-15', '2026-02-23', 9],
      ['清明节', '2026-04-04', '2026-04-06', 3],
      ['劳动节', '2026-05-01', '2026-05-05', 5],
      ['端午节', '2026-06-19', '2026-06-21', 3],
      ['中秋节', '2026-09-25', '2026-09-27', 3],
      ['国庆节', '2026-10-01', '2026-10-07', 7],
    ],
    makeUps: [
      ['2026-01-04', '周日'],
      ['2026-02-14', '周六'],
      ['2026-02-28', '周六'],
      ['2026-05-09', '周六'],
      ['2026-09-20', '周日'],
      ['2026-10-10', '周六'],
    ],
  },
};

const byYear: Record<number, HolidayNotice> = { 2024: CHINA_2024, 2025: CHINA_2025, 2026: CHINA_2026 };

describe('built-in State Council notices', () => {
  it('cover 2024, 2025 and 2026, in order, and validate as a set', () => {
    expect(CHINA_NOTICES.map((n) => n.year)).toEqual([2024, 2025, 2026]);
    expect(validateNotices(CHINA_NOTICES)).toEqual([]);
  });

  describe.each([2024, 2025, 2026])('%i', (year) => {
    const notice = byYear[year]!;
    const stated = STATED[year]!;

    it('cites its notice', () => {
      expect(notice.year).toBe(year);
      expect(notice.title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
      expect(notice.reference).toBe(stated.reference);
      expect(notice.publishedOn).toBe(stated.publishedOn);
      expect(validateNotice(notice)).toEqual([]);
    });

    it('lists exactly the stated holiday periods, each 共N天 long', () => {
      expect(notice.holidays.map((h) => [h.name, h.from, h.to])).toEqual(
        stated.holidays.map(([n, f, t]) => [n, f, t]),
      );
      for (const [, from, to, days] of stated.holidays) {
        expect(parseLocalDate(to) - parseLocalDate(from) + 1).toBe(days);
      }
    });

    it('lists exactly the stated make-up days, on the weekday the notice prints', () => {
      expect([...notice.makeUpWorkdays]).toEqual(stated.makeUps.map(([d]) => d));
      for (const [date, wd] of stated.makeUps) {
        expect(weekdayOf(parseLocalDate(date))).toBe(wd === '周日' ? 0 : 6);
      }
    });

    it('balances: weekday days off minus make-up days equals the statutory holidays of the year', () => {
      let weekdayHolidays = 0;
      for (const h of notice.holidays) {
        for (let d = parseLocalDate(h.from); d <= parseLocalDate(h.to); d++) {
          const w = weekdayOf(d);
          if (w !== 0 && w !== 6) weekdayHolidays++;
        }
      }
      expect(weekdayHolidays - notice.makeUpWorkdays.length).toBe(stated.statutoryDays);
    });
  });

  it('states the working-day totals: 251 (2024), 248 (2025), 248 (2026)', () => {
    for (const year of [2024, 2025, 2026]) {
      const n = byYear[year]!;
      const off = new Set<number>();
      for (const h of n.holidays)
        for (let d = parseLocalDate(h.from); d <= parseLocalDate(h.to); d++) off.add(d);
      const on = new Set(n.makeUpWorkdays.map(parseLocalDate));
      let working = 0;
      for (let d = parseLocalDate(`${year}-01-01`); d <= parseLocalDate(`${year}-12-31`); d++) {
        const w = weekdayOf(d);
        if (on.has(d) || (!off.has(d) && w !== 0 && w !== 6)) working++;
      }
      expect(working).toBe(STATED[year]!.workingDays);
    }
  });
});
