import { RuleSnapshot } from './routing-rule';
import { RoutingFacts, RuleEngine } from './rule-engine';

const LEAD = 'lead-dept';
const rule = (
  id: string,
  conditions: RuleSnapshot['conditions'],
  extra: Partial<RuleSnapshot> = {},
): RuleSnapshot => ({
  id,
  version: 1,
  name: id,
  priority: 10,
  enabled: true,
  conditions,
  decision: { leadDepartmentId: LEAD, coHandlerDepartmentIds: [] },
  ...extra,
});

const facts = (f: Partial<RoutingFacts> = {}): RoutingFacts => ({
  title: '厂区附近道路破损',
  description: '大货车进出困难，希望尽快修复',
  category: 'transport',
  gridId: null,
  enterpriseId: null,
  ...f,
});

describe('RuleEngine', () => {
  const engine = new RuleEngine();

  it('matches on category and explains which category matched', () => {
    const r = engine.route(facts(), [
      rule('labour', { categories: ['labour'] }),
      rule('transport', { categories: ['transport'] }),
    ]);
    expect(r.match?.rule.id).toBe('transport');
    expect(r.match?.explanation).toBe('按分派规则「transport」（第1版）分派：类别「交通物流」符合');
    expect(r.match?.explanationEn).toBe(
      'rule "transport" (v1) matched: category transport is one of [transport]',
    );
    expect(r.evaluations.map((e) => [e.ruleId, e.outcome])).toEqual([
      ['labour', 'not-matched'],
      ['transport', 'matched'],
    ]);
    expect(r.evaluations[0].reasons).toEqual(['类别「交通物流」不在「用工招聘」之中']);
    expect(r.evaluations[0].reasonsEn).toEqual(['category transport is not one of [labour]']);
  });

  it('matches a Chinese keyword as a substring of the description and quotes the text around it', () => {
    const r = engine.route(facts({ category: 'other', description: '昨晚起厂区停水，水管爆裂，影响生产' }), [
      rule('water', { keywords: ['停电', '水管'] }),
    ]);
    expect(r.match?.rule.id).toBe('water');
    expect(r.match?.explanation).toContain('描述中含关键词「水管」：“昨晚起厂区停水，水管爆裂，影响生产”');
    expect(r.match?.explanationEn).toContain(
      'keyword "水管" found in description: "昨晚起厂区停水，水管爆裂，影响生产"',
    );
  });

  it('finds a keyword in the title before the description', () => {
    const r = engine.route(facts({ title: '申请停电检修', description: '停电两小时' }), [
      rule('power', { keywords: ['停电'] }),
    ]);
    expect(r.evaluations[0].reasons[0]).toMatch(/^标题中含关键词「停电」/);
    expect(r.evaluations[0].reasonsEn[0]).toMatch(/^keyword "停电" found in title/);
  });

  it('matches Latin keywords case-insensitively, full-width letters included', () => {
    const r = engine.route(facts({ title: 'ＥＲＰ系统申报问题', description: '' }), [
      rule('it', { keywords: ['erp'] }),
    ]);
    expect(r.match?.rule.id).toBe('it');
    const miss = engine.route(facts({ title: 'CRM', description: '' }), [rule('it', { keywords: ['erp'] })]);
    expect(miss.match).toBeNull();
    expect(miss.evaluations[0].reasons).toEqual(['标题和描述中没有关键词「erp」']);
    expect(miss.evaluations[0].reasonsEn).toEqual([
      'none of the keywords [erp] appears in the title or description',
    ]);
  });

  it('needs every given condition: category and keyword together', () => {
    const both = rule('both', { categories: ['utilities'], keywords: ['停气'] });
    expect(engine.route(facts({ category: 'utilities', title: '园区停气' }), [both]).match?.rule.id).toBe(
      'both',
    );
    const r = engine.route(facts({ category: 'utilities', title: '电费补贴' }), [both]);
    expect(r.match).toBeNull();
    expect(r.evaluations[0].reasons).toEqual(['类别「水电气暖」符合', '标题和描述中没有关键词「停气」']);
    expect(r.evaluations[0].reasonsEn).toEqual([
      'category utilities is one of [utilities]',
      'none of the keywords [停气] appears in the title or description',
    ]);
  });

  it('matches on grid and on enterprise, and says when the ticket has none', () => {
    const byGrid = rule('grid', { gridIds: ['g1', 'g2'] });
    const byEnterprise = rule('ent', { enterpriseIds: ['e9'] });
    expect(engine.route(facts({ gridId: 'g2' }), [byGrid]).match?.explanation).toContain(
      '网格在规则所列的 2 个网格之中',
    );
    expect(engine.route(facts({ gridId: 'g2' }), [byGrid]).match?.explanationEn).toContain(
      'grid g2 is one of [g1, g2]',
    );
    expect(engine.route(facts({ gridId: null }), [byGrid]).evaluations[0].reasons).toEqual([
      '诉求没有网格；规则只适用于所列的 2 个网格',
    ]);
    expect(engine.route(facts({ gridId: null }), [byGrid]).evaluations[0].reasonsEn).toEqual([
      'the ticket has no grid; the rule needs one of [g1, g2]',
    ]);
    expect(engine.route(facts({ enterpriseId: 'e9' }), [byEnterprise]).match?.rule.id).toBe('ent');
    expect(engine.route(facts({ enterpriseId: 'e1' }), [byEnterprise]).evaluations[0].reasons).toEqual([
      '企业不在规则所列的 1 个企业之中',
    ]);
    expect(engine.route(facts({ enterpriseId: 'e1' }), [byEnterprise]).evaluations[0].reasonsEn).toEqual([
      'enterprise e1 is not one of [e9]',
    ]);
  });

  it('takes the first matching rule in the given order and marks later matches as also-matched', () => {
    const r = engine.route(facts(), [
      rule('first', { categories: ['transport'] }, { priority: 1 }),
      rule('second', { keywords: ['道路'] }, { priority: 2 }),
    ]);
    expect(r.match?.rule.id).toBe('first');
    expect(r.evaluations.map((e) => e.outcome)).toEqual(['matched', 'also-matched']);
  });

  it('skips disabled rules and says so', () => {
    const r = engine.route(facts(), [
      rule('off', { categories: ['transport'] }, { enabled: false }),
      rule('on', { keywords: ['道路'] }),
    ]);
    expect(r.match?.rule.id).toBe('on');
    expect(r.evaluations[0]).toMatchObject({
      ruleId: 'off',
      outcome: 'disabled',
      reasons: ['规则已停用'],
      reasonsEn: ['the rule is disabled'],
    });
  });

  it('sends the ticket to triage when nothing matches, naming the category', () => {
    const r = engine.route(facts({ category: 'other' }), [rule('labour', { categories: ['labour'] })]);
    expect(r.match).toBeNull();
    expect(r.explanation).toBe('没有适用「其他」的规则，转综合党委人工分派');
    expect(r.explanationEn).toBe(
      "no enabled rule matched (category other); the ticket goes to the committee's triage queue",
    );
    expect(engine.route(facts({ category: '' }), []).explanation).toBe(
      '没有适用的分派规则，转综合党委人工分派',
    );
  });

  it('never lets a rule without conditions match everything', () => {
    const r = engine.route(facts(), [rule('empty', {})]);
    expect(r.match).toBeNull();
    expect(r.evaluations[0].reasons).toEqual(['规则没有条件']);
  });

  it('carries the rule version into the explanation', () => {
    const r = engine.route(facts(), [
      rule('t', { categories: ['transport'] }, { version: 3, name: '交通物流' }),
    ]);
    expect(r.match?.explanation).toMatch(/^按分派规则「交通物流」（第3版）分派/);
    expect(r.match?.explanationEn).toMatch(/^rule "交通物流" \(v3\) matched/);
  });

  it('explains in Chinese only: no English word in any reason or explanation a Chinese reader sees', () => {
    const rules = [
      rule('r1', { categories: ['labour', 'transport'] }, { name: '用工招聘 → 人社局' }),
      rule('r2', { keywords: ['停电', '水管'] }, { name: '停水停电 → 城管局' }),
      rule('r3', { gridIds: ['0193a000-0000-7000-8000-00000000000a'] }, { name: '东区网格' }),
      rule('r4', { enterpriseIds: ['0193a000-0000-7000-8000-00000000000b'] }, { name: '重点企业' }),
      rule('r5', { categories: ['utilities'] }, { name: '水电气暖', enabled: false }),
      rule('r6', {}, { name: '空规则' }),
    ];
    for (const f of [
      facts({ category: 'other', gridId: null, enterpriseId: null }),
      facts({ category: 'transport', gridId: '0193a000-0000-7000-8000-00000000000a' }),
      facts({ category: '', title: '园区停电', enterpriseId: '0193a000-0000-7000-8000-00000000000b' }),
    ]) {
      const r = engine.route(f, rules);
      const lines = [r.explanation, ...r.evaluations.flatMap((e) => e.reasons)];
      for (const line of lines) expect([line, /[A-Za-z]/.test(line)]).toEqual([line, false]);
      expect(r.explanationEn).toMatch(/^(rule|no enabled rule)/);
    }
  });
});
