import { caller, callerActor, directory, fieldsOf, ids, refusal } from '../../../handler-spec.fixture';
import { CreateDepartmentCommand } from './create-department.command';
import { CreateDepartmentHandler } from './create-department.handler';

describe('CreateDepartmentHandler', () => {
  it('adds the department at version 1, announced and audited with what was asked, in one unit of work', async () => {
    const kit = directory();
    const result = await new CreateDepartmentHandler(kit.uow, kit.departments).execute(
      CreateDepartmentCommand.create({ user: caller, code: 'civil_affairs', nameZh: '民政局' }),
    );
    expect(result).toMatchObject({
      code: 'civil_affairs',
      nameZh: '民政局',
      nameEn: null,
      active: true,
      version: 1,
    });
    expect(kit.departments.rows.get(result.id)).toMatchObject({ code: 'civil_affairs', version: 1 });
    expect(kit.departments.changes.events).toEqual([
      expect.objectContaining({
        type: 'directory.department-upserted',
        aggregateId: result.id,
        version: 1,
        actor: callerActor,
        payload: { id: result.id, code: 'civil_affairs', name: '民政局', nameEn: null, active: true },
      }),
    ]);
    expect(kit.departments.changes.audit).toEqual([
      {
        action: 'department.created',
        actor: callerActor,
        entityType: 'department',
        entityId: result.id,
        details: { code: 'civil_affairs', nameZh: '民政局', nameEn: undefined, active: undefined },
      },
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a code that is taken with a 409 naming the field, saving nothing', async () => {
    const kit = directory();
    const e = await refusal(
      new CreateDepartmentHandler(kit.uow, kit.departments).execute(
        CreateDepartmentCommand.create({ user: caller, code: 'hrss', nameZh: '重复' }),
      ),
    );
    expect([e.code, e.message, fieldsOf(e)]).toEqual([
      'conflict',
      'a department with code hrss already exists',
      ['code'],
    ]);
    expect([...kit.departments.rows.keys()]).toEqual([ids.hrss]);
    expect(kit.departments.changes.events).toEqual([]);
  });
});
