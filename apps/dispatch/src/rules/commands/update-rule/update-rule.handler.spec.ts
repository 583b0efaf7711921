import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import { InMemoryRoutingRuleRepository } from '../../infrastructure/routing-rule.in-memory-repository';
import { UpdateRuleCommand } from './update-rule.command';
import { UpdateRuleHandler } from './update-rule.handler';

const RULE = '0193b000-0000-7000-8000-00000000000a';
const GHOST = '0193ffff-0000-7000-8000-000000000000';

describe('UpdateRuleHandler', () => {
  let uow: InlineUnitOfWork;
  let rules: InMemoryRoutingRuleRepository;
  let handler: UpdateRuleHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    rules = new InMemoryRoutingRuleRepository().given({
      id: RULE,
      version: 1,
      name: '财税 → 税务局',
      priority: 100,
      enabled: true,
      conditions: { categories: ['tax'] },
      decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] },
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      updatedBy: 'system',
    });
    handler = new UpdateRuleHandler(uow, rules, new InMemoryDepartmentRepository().given('tax', 'treasury'));
  });

  const command = (over: Partial<UpdateRuleCommand> = {}) =>
    UpdateRuleCommand.create({
      ruleId: RULE,
      name: '财税 → 税务局 (含网格)',
      conditions: { categories: ['tax'], gridIds: ['g1'] },
      decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: ['treasury'] },
      expectedVersion: 1,
      actor: { id: 'desk', role: 'committee' },
      ...over,
    });

  it('makes version 2 and keeps version 1 readable', async () => {
    const rule = await handler.execute(command());
    expect(rule).toMatchObject({ version: 2, priority: 100, updatedBy: 'desk' });
    expect(rules.rows.get(RULE)).toMatchObject({
      version: 2,
      conditions: { categories: ['tax'], gridIds: ['g1'] },
    });
    expect((await rules.versionsOf(RULE)).map((v) => [v.version, v.change, v.name])).toEqual([
      [1, 'created', '财税 → 税务局'],
      [2, 'edited', '财税 → 税务局 (含网格)'],
    ]);
    expect(uow.transactions).toBe(1);
  });

  it('refuses an edit of a version the editor did not see, naming the current one', async () => {
    await handler.execute(command());
    const error = (await handler.execute(command()).catch((e) => e)) as DomainError;
    expect(error.code).toBe('versionConflict');
    expect(error.details).toEqual({ state: 'version 2', currentVersion: 2 });
    expect(await rules.versionsOf(RULE)).toHaveLength(2);
  });

  it('checks what the rule says before it looks for the rule', async () => {
    const bad = (await handler
      .execute(command({ ruleId: GHOST, conditions: {} }))
      .catch((e) => e)) as DomainError;
    expect(bad.code).toBe('validation');
    const missing = (await handler.execute(command({ ruleId: GHOST })).catch((e) => e)) as DomainError;
    expect(missing.code).toBe('notFound');
    expect(missing.message).toBe(`routing rule ${GHOST} does not exist`);
  });

  it('refuses an expectedVersion past what a version column holds before anything runs', () => {
    expect(() => command({ expectedVersion: 2 ** 31 })).toThrow(/expectedVersion/);
  });
});
