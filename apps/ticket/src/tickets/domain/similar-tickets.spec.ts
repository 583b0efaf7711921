import { dice, rankSimilar, RecentTicket, similarity, tokens } from './similar-tickets';

const recent = (id: string, title: string, description = '', daysAgo = 1): RecentTicket => ({
  id,
  number: `CS-2026-${id.padStart(6, '0')}`,
  title,
  description,
  status: 'in_progress',
  submittedAt: new Date(Date.UTC(2026, 2, 10 - daysAgo)),
  scope: { enterpriseId: 'ent-1', gridId: 'g', leadDepartmentId: null, coHandlerDepartmentIds: [] },
});

describe('similar tickets', () => {
  it('reads Chinese as overlapping character pairs, so 停水 is found inside 厂区停水三天', () => {
    expect([...tokens('厂区停水三天')]).toEqual(['厂区', '区停', '停水', '水三', '三天']);
    expect(tokens('厂区停水三天').has('停水')).toBe(true);
    // Latin words and numbers are whole tokens; punctuation and lone letters or digits separate.
    expect([...tokens('2号门 DN300 水管，破！')]).toEqual(['号门', 'dn300', '水管', '破']);
    expect([...tokens('ＡＢＣ全角')]).toEqual(['abc', '全角']);
  });

  it('scores by the Dice coefficient, the better of the titles and of the whole texts', () => {
    expect(dice(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(dice(new Set(), new Set(['a']))).toBe(0);
    const a = { title: '园区2号门供水主管破裂', description: '' };
    const b = { title: '2号门供水管破裂停水', description: '' };
    expect(similarity(a, b)).toBeCloseTo(10 / 16, 5);
    // A draft with only a title still finds a ticket whose description differs.
    expect(
      similarity({ title: '招工难', description: '' }, { title: '招工难', description: '焊工缺二十人' }),
    ).toBe(1);
  });

  it('ranks the alike ones first, drops the unrelated, marks likely duplicates from one half', () => {
    const ranked = rankSimilar({ title: '厂区停水三天', description: '二号门水管破裂' }, [
      recent('1', '融资难', '贷款审批慢'),
      recent('2', '厂区停水', '二号门水管破裂，影响生产'),
      recent('3', '停水', '宿舍楼停水'),
    ]);
    // 停水 alone shares a third of the title: shown as similar, not a likely duplicate.
    expect(ranked.map((r) => [r.ticket.id, r.likelyDuplicate])).toEqual([
      ['2', true],
      ['3', false],
    ]);
    expect(ranked[0].similarity).toBeGreaterThanOrEqual(0.5);
    expect(rankSimilar({ title: '', description: '' }, [recent('1', '停水')])).toEqual([]);
  });

  it('shows at most five, newest first among equals', () => {
    const many = Array.from({ length: 7 }, (_, i) => recent(String(i + 1), '招工难', '', i));
    const ranked = rankSimilar({ title: '招工难', description: '' }, many);
    expect(ranked.map((r) => r.ticket.id)).toEqual(['1', '2', '3', '4', '5']);
  });
});
