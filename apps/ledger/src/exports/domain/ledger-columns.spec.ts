import { chinaTime, overdueText, toCsv } from './ledger-columns';

describe('ledger columns', () => {
  it('times are Beijing time', () => {
    expect(chinaTime('2026-03-01T16:05:00Z')).toBe('2026-03-02 00:05');
    expect(chinaTime(null)).toBe('');
  });

  it('是否超时 follows the on-time rule: first resolution against the deadline in force', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    expect(overdueText({ resolve_due_at: '2026-03-05T00:00:00Z', resolved_at: '2026-03-04T00:00:00Z' }, now)).toBe('否');
    expect(overdueText({ resolve_due_at: '2026-03-05T00:00:00Z', resolved_at: '2026-03-06T00:00:00Z' }, now)).toBe('是');
    expect(overdueText({ resolve_due_at: '2026-03-05T00:00:00Z' }, now)).toBe('是（未办结）');
    expect(overdueText({ resolve_due_at: '2026-05-05T00:00:00Z' }, now)).toBe('否（办理中）');
    expect(overdueText({}, now)).toBe('无时限');
    expect(overdueText({ withdrawn_at: '2026-03-01T00:00:00Z' }, now)).toBe('—');
  });

  it('CSV: BOM, CRLF, quotes where needed, and no formula injection', () => {
    const csv = toCsv(['编号', '内容'], [['CS-1', '含,逗号与"引号"'], ['CS-2', '=HYPERLINK("x")']]);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe('编号,内容\r\nCS-1,"含,逗号与""引号"""\r\nCS-2,"\'=HYPERLINK(""x"")"\r\n');
  });
});
