import { chinaTime, currentDeadlineText, overdueText, toCsv } from './ledger-columns';

describe('ledger columns', () => {
  it('times are Beijing time', () => {
    expect(chinaTime('2026-03-01T16:05:00Z')).toBe('2026-03-02 00:05');
    expect(chinaTime(null)).toBe('');
  });

  it('是否超时 follows the on-time rule: first resolution against the deadline in force', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    expect(
      overdueText({ resolve_due_at: '2026-03-05T00:00:00Z', resolved_at: '2026-03-04T00:00:00Z' }, now),
    ).toBe('否');
    expect(
      overdueText({ resolve_due_at: '2026-03-05T00:00:00Z', resolved_at: '2026-03-06T00:00:00Z' }, now),
    ).toBe('是');
    expect(overdueText({ resolve_due_at: '2026-03-05T00:00:00Z' }, now)).toBe('是（未办结）');
    expect(overdueText({ resolve_due_at: '2026-05-05T00:00:00Z' }, now)).toBe('否（办理中）');
    expect(overdueText({}, now)).toBe('无办结时限');
    expect(overdueText({ withdrawn_at: '2026-03-01T00:00:00Z' }, now)).toBe('—');
  });

  it('是否超时 while awaiting acknowledgement or assignment is judged by that clock, and 当前时限 names it', () => {
    const now = new Date('2026-04-01T00:00:00Z');
    const waiting = { status: 'assigned', respond_due_at: '2026-04-01T04:00:00Z' };
    expect(overdueText(waiting, now)).toBe('否（待签收）');
    expect(currentDeadlineText(waiting)).toBe('签收时限 2026-04-01 12:00');
    expect(overdueText({ ...waiting, respond_due_at: '2026-03-31T04:00:00Z' }, now)).toBe('是（未签收）');
    expect(overdueText({ status: 'assigned' }, now)).toBe('无签收时限');
    expect(overdueText({ status: 'triage', triage_due_at: '2026-03-31T23:00:00Z' }, now)).toBe(
      '是（未分派）',
    );
    expect(currentDeadlineText({ status: 'resolved', feedback_due_at: '2026-04-03T02:00:00Z' })).toBe(
      '评价时限 2026-04-03 10:00',
    );
    expect(currentDeadlineText({ status: 'closed', resolve_due_at: '2026-04-03T02:00:00Z' })).toBe('—');
    expect(currentDeadlineText({ status: 'in_progress' })).toBe('办结时限 未设定');
  });

  it('CSV: BOM, CRLF, quotes where needed, and no formula injection', () => {
    const csv = toCsv(
      ['编号', '内容'],
      [
        ['CS-1', '含,逗号与"引号"'],
        ['CS-2', '=HYPERLINK("x")'],
      ],
    );
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8')).toBe(
      '编号,内容\r\nCS-1,"含,逗号与""引号"""\r\nCS-2,"\'=HYPERLINK(""x"")"\r\n',
    );
  });
});
