import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { RoutingRuleProps } from '../../domain/routing-rule.aggregate';
import { InMemoryRoutingRuleRepository } from '../../infrastructure/routing-rule.in-memory-repository';
import { ReorderRulesCommand } from './reorder-rules.command';
import { ReorderRulesHandler } from './reorder-rules.handler';

const id = (n: number) => `0193b000-0000-7000-8000-00000000000${n}`;
const rule = (n: number, priority: number): RoutingRuleProps => ({
  id: id(n),
  version: 3,
  name: `rule ${n}`,
  priority,
  enabled: n !== 2,
  conditions: { categories: ['tax'] },
  decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  updatedBy: 'system',
});

describe('ReorderRulesHandler', () => {
  let uow: InlineUnitOfWork;
  let rules: InMemoryRoutingRuleRepository;
  let handler: ReorderRulesHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    rules = new InMemoryRoutingRuleRepository().given(rule(1, 10), rule(2, 20), rule(3, 30));
    handler = new ReorderRulesHandler(uow, rules);
  });

  const command = (ruleIds: string[]) =>
    ReorderRulesCommand.create({ ruleIds, actor: { id: 'desk', role: 'committee' } });

  it('sets the whole order at once, disabled rules included, without new versions', async () => {
    const ordered = await handler.execute(command([id(3), id(1), id(2)]));
    expect(ordered.map((r) => r.id)).toEqual([id(3), id(1), id(2)]);
    expect((await rules.listOrdered()).map((r) => [r.id, r.priority, r.version, r.updatedBy])).toEqual([
      [id(3), 10, 3, 'desk'],
      [id(1), 20, 3, 'desk'],
      [id(2), 30, 3, 'desk'],
    ]);
    expect(rules.versions).toHaveLength(3);
    expect(uow.transactions).toBe(1);
  });

  it('refuses an order that leaves a rule out, and keeps the order as it was', async () => {
    const error = (await handler.execute(command([id(3), id(1)])).catch((e) => e)) as DomainError;
    expect(error.details.errors).toEqual([
      { field: 'ruleIds', messages: [`ruleIds must list every rule; missing: ${id(2)}`] },
    ]);
    expect((await rules.listOrdered()).map((r) => r.priority)).toEqual([10, 20, 30]);
  });
});
