import { caller, callerActor, directory, ids, refusal, T0 } from '../../../handler-spec.fixture';
import { UpdateDepartmentCommand } from './update-department.command';
import { UpdateDepartmentHandler } from './update-department.handler';

const update = (kit: ReturnType<typeof directory>, over: Partial<UpdateDepartmentCommand> = {}) =>
  new UpdateDepartmentHandler(kit.uow, kit.departments).execute(
    UpdateDepartmentCommand.create({ user: caller, departmentId: ids.hrss, ...over }),
  );

describe('UpdateDepartmentHandler', () => {
  it('renames: a new version, stored, announced and audited with what was asked', async () => {
    const kit = directory();
    const result = await update(kit, { nameZh: '人力资源和社会保障局', expectedVersion: 1 });
    expect(result).toMatchObject({ nameZh: '人力资源和社会保障局', version: 2 });
    expect(kit.departments.rows.get(ids.hrss)).toMatchObject({ nameZh: '人力资源和社会保障局', version: 2 });
    expect(kit.departments.changes.events.map((e) => [e.version, e.payload.name])).toEqual([
      [2, '人力资源和社会保障局'],
    ]);
    expect(kit.departments.changes.audit).toEqual([
      expect.objectContaining({
        action: 'department.updated',
        actor: callerActor,
        details: { nameZh: '人力资源和社会保障局', nameEn: undefined, active: undefined },
      }),
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('answers the unchanged record when nothing differs: no new version, no event, no audit line', async () => {
    const kit = directory();
    const result = await update(kit, { nameZh: '人社局', active: true });
    expect(result).toMatchObject({ nameZh: '人社局', version: 1, updatedAt: T0.toISOString() });
    expect(kit.departments.rows.get(ids.hrss)?.version).toBe(1);
    expect(kit.departments.changes.events).toEqual([]);
    expect(kit.departments.changes.audit).toEqual([]);
  });

  it('refuses a stale expectedVersion (409 naming the current one) and an unknown department (404)', async () => {
    const kit = directory();
    const stale = await refusal(update(kit, { nameZh: '新', expectedVersion: 3 }));
    expect([stale.code, stale.details]).toEqual(['versionConflict', { currentVersion: 1 }]);
    const unknown = await refusal(update(kit, { departmentId: ids.nobody, nameZh: '新' }));
    expect([unknown.code, unknown.message]).toEqual(['notFound', `department ${ids.nobody} does not exist`]);
    expect(kit.departments.changes.events).toEqual([]);
  });

  it('takes no expectedVersion beyond the int4 column', () => {
    expect(() =>
      UpdateDepartmentCommand.create({
        user: caller,
        departmentId: ids.hrss,
        nameZh: '新',
        expectedVersion: 2 ** 31,
      }),
    ).toThrow(/expectedVersion/);
  });
});
