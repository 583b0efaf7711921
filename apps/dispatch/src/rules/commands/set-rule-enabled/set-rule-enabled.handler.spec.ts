import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import { InMemoryRoutingRuleRepository } from '../../infrastructure/routing-rule.in-memory-repository';
import { SetRuleEnabledCommand } from './set-rule-enabled.command';
import { SetRuleEnabledHandler } from './set-rule-enabled.handler';

const RULE = '0193b000-0000-7000-8000-00000000000a';

describe('SetRuleEnabledHandler', () => {
  let uow: InlineUnitOfWork;
  let rules: InMemoryRoutingRuleRepository;
  let departments: InMemoryDepartmentRepository;
  let handler: SetRuleEnabledHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    rules = new InMemoryRoutingRuleRepository().given({
      id: RULE,
      version: 1,
      name: '交通物流 → 交通运输局',
      priority: 100,
      enabled: true,
      conditions: { categories: ['transport'] },
      decision: { leadDepartmentId: 'transport', coHandlerDepartmentIds: ['urban'] },
      createdAt: new Date('2026-01-01T00:00:00Z'),
      updatedAt: new Date('2026-01-01T00:00:00Z'),
      updatedBy: 'system',
    });
    departments = new InMemoryDepartmentRepository().given('transport', 'urban');
    handler = new SetRuleEnabledHandler(uow, rules, departments);
  });

  const command = (enabled: boolean, expectedVersion: number) =>
    SetRuleEnabledCommand.create({
      ruleId: RULE,
      enabled,
      expectedVersion,
      actor: { id: 'desk', role: 'committee' },
    });

  it('disables and enables a rule as new versions; it is never deleted', async () => {
    await handler.execute(command(false, 1));
    expect(rules.rows.get(RULE)).toMatchObject({ enabled: false, version: 2, updatedBy: 'desk' });
    await handler.execute(command(true, 2));
    expect((await rules.versionsOf(RULE)).map((v) => [v.version, v.change])).toEqual([
      [1, 'created'],
      [2, 'disabled'],
      [3, 'enabled'],
    ]);
    expect(uow.transactions).toBe(2);
  });

  it('refuses to disable a disabled rule, naming its state', async () => {
    await handler.execute(command(false, 1));
    const error = (await handler.execute(command(false, 2)).catch((e) => e)) as DomainError;
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual({ state: 'disabled' });
    expect(await rules.versionsOf(RULE)).toHaveLength(2);
  });

  it('does not switch a rule back on while a department it names is gone', async () => {
    await handler.execute(command(false, 1));
    await departments.upsert(
      { id: 'urban', code: 'urban', name: '城管局', nameEn: null, active: false },
      new Date('2026-03-01T00:00:00Z'),
    );
    const error = (await handler.execute(command(true, 2)).catch((e) => e)) as DomainError;
    expect(error.code).toBe('validation');
    expect(rules.rows.get(RULE)).toMatchObject({ enabled: false, version: 2 });
  });
});
