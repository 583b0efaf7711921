import { DomainError } from '@ticketing/contracts';
import { RoutingRule, RoutingRuleProps } from './routing-rule.aggregate';
import { reorderRules } from './rule-order';

const created = new Date('2026-01-01T00:00:00Z');
const now = new Date('2026-03-02T08:00:00Z');
const known = (id: string) => ['tax', 'treasury'].includes(id);

const stored = (over: Partial<RoutingRuleProps> = {}): RoutingRule =>
  RoutingRule.restore({
    id: 'r1',
    version: 2,
    name: '财税 → 税务局',
    priority: 10,
    enabled: true,
    conditions: { categories: ['tax'] },
    decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: ['treasury'] },
    createdAt: created,
    updatedAt: created,
    updatedBy: 'system',
    ...over,
  });

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('RoutingRule', () => {
  it('starts at version 1 and records it as created', () => {
    const rule = RoutingRule.create(
      'r9',
      {
        name: 'n',
        conditions: { keywords: ['停水'] },
        decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
      },
      { priority: 30, enabled: false },
      'desk',
      now,
    );
    expect(rule).toMatchObject({
      version: 1,
      priority: 30,
      enabled: false,
      updatedBy: 'desk',
      createdAt: now,
    });
    const { row, versions } = rule.pullChanges();
    expect(row).toBe('insert');
    expect(versions).toEqual([
      expect.objectContaining({
        ruleId: 'r9',
        version: 1,
        change: 'created',
        enabled: false,
        changedAt: now,
        changedBy: 'desk',
      }),
    ]);
  });

  it('makes the next version on an edit and keeps what it said in that version', () => {
    const rule = stored();
    rule.edit(
      {
        name: '财税',
        conditions: { categories: ['tax'], gridIds: ['g1'] },
        decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
      },
      'desk',
      now,
    );
    expect(rule).toMatchObject({ version: 3, name: '财税', priority: 10, updatedAt: now, updatedBy: 'desk' });
    const { row, versions } = rule.pullChanges();
    expect(row).toBe('update');
    expect(versions).toEqual([
      {
        ruleId: 'r1',
        version: 3,
        name: '财税',
        enabled: true,
        conditions: { categories: ['tax'], gridIds: ['g1'] },
        decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
        change: 'edited',
        changedAt: now,
        changedBy: 'desk',
      },
    ]);
  });

  it('refuses a stale version with a conflict naming the current one', () => {
    const e = failure(() => stored().assertVersion(1));
    expect(e.code).toBe('versionConflict');
    expect(e.message).toBe('routing rule r1 is at version 2, not 1; reload it');
    expect(e.details).toEqual({ state: 'version 2', currentVersion: 2 });
    expect(() => stored().assertVersion(2)).not.toThrow();
  });

  it('is disabled and enabled as new versions, refusing a switch to the state it is in', () => {
    const rule = stored();
    rule.setEnabled(false, known, 'desk', now);
    expect(rule).toMatchObject({ enabled: false, version: 3 });
    expect(rule.pullChanges().versions.map((v) => v.change)).toEqual(['disabled']);
    const twice = failure(() => rule.setEnabled(false, known, 'desk', now));
    expect(twice.code).toBe('conflict');
    expect(twice.message).toBe('routing rule r1 is already disabled');
    expect(twice.details).toEqual({ state: 'disabled' });
    rule.setEnabled(true, known, 'desk', now);
    expect(rule.pullChanges().versions.map((v) => [v.version, v.change])).toEqual([[4, 'enabled']]);
  });

  it('is not switched back on while it names a department no longer known', () => {
    const rule = stored({ enabled: false });
    const e = failure(() => rule.setEnabled(true, (id) => id === 'tax', 'desk', now));
    expect(e.code).toBe('validation');
    expect((e.details.errors as { field: string }[]).map((x) => x.field)).toEqual([
      'decision.coHandlerDepartmentIds',
    ]);
    expect(rule.pullChanges()).toEqual({ row: null, versions: [] });
  });

  it('moves in the order without a new version', () => {
    const rule = stored();
    rule.moveTo(50, 'desk', now);
    expect(rule).toMatchObject({ priority: 50, version: 2, updatedBy: 'desk' });
    expect(rule.pullChanges()).toEqual({ row: 'update', versions: [] });
  });
});

describe('reorderRules', () => {
  const three = () => [
    stored({ id: 'a', priority: 10 }),
    stored({ id: 'b', priority: 20 }),
    stored({ id: 'c', priority: 30 }),
  ];

  it('puts every rule where the list says, 10 apart', () => {
    const ordered = reorderRules(three(), ['c', 'a', 'b'], 'desk', now);
    expect(ordered.map((r) => [r.id, r.priority, r.version])).toEqual([
      ['c', 10, 2],
      ['a', 20, 2],
      ['b', 30, 2],
    ]);
  });

  it('refuses a list that is not every rule exactly once, with every fault', () => {
    const e = failure(() => reorderRules(three(), ['a', 'a', 'x'], 'desk', now));
    expect(e.details.errors).toEqual([
      {
        field: 'ruleIds',
        messages: [
          'ruleIds repeats a',
          'ruleIds holds unknown rules: x',
          'ruleIds must list every rule; missing: b, c',
        ],
      },
    ]);
  });
});
