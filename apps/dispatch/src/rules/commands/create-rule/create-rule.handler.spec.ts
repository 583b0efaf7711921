import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import { InMemoryRoutingRuleRepository } from '../../infrastructure/routing-rule.in-memory-repository';
import { CreateRuleCommand } from './create-rule.command';
import { CreateRuleHandler } from './create-rule.handler';

describe('CreateRuleHandler', () => {
  const DESK = { id: 'desk', role: 'committee' as const };
  let uow: InlineUnitOfWork;
  let rules: InMemoryRoutingRuleRepository;
  let handler: CreateRuleHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    rules = new InMemoryRoutingRuleRepository().given({
      id: 'existing',
      version: 1,
      name: '财税 → 税务局',
      priority: 40,
      enabled: true,
      conditions: { categories: ['tax'] },
      decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      updatedBy: 'system',
    });
    handler = new CreateRuleHandler(uow, rules, new InMemoryDepartmentRepository().given('tax', 'treasury'));
  });

  const command = (over: Partial<CreateRuleCommand> = {}) =>
    CreateRuleCommand.create({
      name: ' 数据要素 → 税务局 ',
      conditions: { keywords: [' 数据 ', '数据', ''] },
      decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: ['treasury'] },
      priority: null,
      enabled: true,
      actor: DESK,
      ...over,
    });

  it('adds version 1 after every existing rule, as it will be matched, with its first version kept', async () => {
    const rule = await handler.execute(command());
    expect(rule).toMatchObject({
      version: 1,
      name: '数据要素 → 税务局',
      priority: 50,
      enabled: true,
      updatedBy: 'desk',
    });
    expect(rules.rows.get(rule.id)).toMatchObject({ conditions: { keywords: ['数据'] }, priority: 50 });
    expect(await rules.versionsOf(rule.id)).toEqual([
      expect.objectContaining({
        version: 1,
        change: 'created',
        changedBy: 'desk',
        conditions: { keywords: ['数据'] },
      }),
    ]);
    expect(uow.transactions).toBe(1);
  });

  it('puts the rule where the committee places it', async () => {
    const rule = await handler.execute(command({ priority: 5, enabled: false }));
    expect(rules.rows.get(rule.id)).toMatchObject({ priority: 5, enabled: false });
  });

  it('refuses a rule to a department the desk does not know, writing nothing', async () => {
    const error = await handler
      .execute(command({ decision: { leadDepartmentId: 'ghost', coHandlerDepartmentIds: [] } }))
      .catch((e: DomainError) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).details.errors).toEqual([
      {
        field: 'decision.leadDepartmentId',
        messages: ['decision.leadDepartmentId ghost is not a known active department'],
      },
    ]);
    expect(rules.rows.size).toBe(1);
    expect(rules.versions).toHaveLength(1);
  });
});
