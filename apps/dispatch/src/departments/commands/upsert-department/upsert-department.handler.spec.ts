import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../infrastructure/department.in-memory-repository';
import { UpsertDepartmentCommand } from './upsert-department.command';
import { UpsertDepartmentHandler } from './upsert-department.handler';

describe('UpsertDepartmentHandler', () => {
  const asOf = new Date('2026-03-02T08:00:00Z');
  let uow: InlineUnitOfWork;
  let departments: InMemoryDepartmentRepository;
  let handler: UpsertDepartmentHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    departments = new InMemoryDepartmentRepository().given('tax');
    handler = new UpsertDepartmentHandler(uow, departments);
  });

  const command = (over: Partial<UpsertDepartmentCommand> = {}) =>
    UpsertDepartmentCommand.create({
      id: 'big-data',
      code: 'big_data',
      name: '大数据局',
      nameEn: null,
      active: true,
      asOf,
      ...over,
    });

  it('makes a new department one that rules and decisions may name, in one unit of work', async () => {
    await handler.execute(command());
    expect(departments.rows.get('big-data')).toEqual({
      id: 'big-data',
      code: 'big_data',
      name: '大数据局',
      nameEn: null,
      active: true,
      updatedAt: asOf,
    });
    expect([...(await departments.activeIds())].sort()).toEqual(['big-data', 'tax']);
    expect(uow.transactions).toBe(1);
  });

  it('takes a deactivated department out of what decisions may name', async () => {
    await handler.execute(command({ id: 'tax', code: 'tax', name: '税务局', active: false }));
    expect(await departments.activeIds()).toEqual(new Set());
    expect(departments.rows.get('tax')).toMatchObject({ name: '税务局', active: false });
  });

  it('refuses an announcement without a name before anything is written', () => {
    expect(() => command({ name: '' })).toThrow(DomainError);
    expect(departments.rows.size).toBe(1);
  });
});
