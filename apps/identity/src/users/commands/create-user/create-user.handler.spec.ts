import {
  caller,
  callerActor,
  directory,
  fieldsOf,
  hasher,
  ids,
  refusal,
} from '../../../handler-spec.fixture';
import { CreateUserCommand } from './create-user.command';
import { CreateUserHandler } from './create-user.handler';

const create = (kit: ReturnType<typeof directory>, over: Partial<CreateUserCommand>) =>
  new CreateUserHandler(kit.uow, kit.users, kit.grids, kit.scopes, hasher).execute(
    CreateUserCommand.create({
      user: caller,
      username: 'new-instructor',
      displayName: '新指导员',
      role: 'instructor',
      gridIds: [ids.west],
      initialPassword: 'Secret-2026',
      ...over,
    }),
  );

describe('CreateUserHandler', () => {
  it('creates an instructor who must change the password; user and grid announced, no credential anywhere', async () => {
    const kit = directory();
    const result = await create(kit, {});
    expect(result).toMatchObject({
      role: 'instructor',
      gridIds: [ids.west],
      mustChangePassword: true,
      version: 1,
    });
    const stored = kit.users.rows.get(result.id)!;
    expect(await hasher.verify('Secret-2026', stored.passwordHash)).toBe(true);
    expect(kit.users.changes.events).toEqual([
      expect.objectContaining({
        type: 'directory.user-upserted',
        version: 1,
        actor: callerActor,
        payload: expect.objectContaining({ username: 'new-instructor', gridIds: [ids.west], active: true }),
      }),
    ]);
    expect(kit.users.changes.audit.map((a) => a.action)).toEqual(['user.created']);
    const written = JSON.stringify([kit.users.changes.events, kit.users.changes.audit, result]);
    expect(written).not.toMatch(/Secret-2026|scrypt|passwordHash|initialPassword/);
    // The west grid has a new instructor: a new version of it, announced.
    expect(kit.grids.rows.get(ids.west)).toMatchObject({ instructorUserIds: [result.id], version: 2 });
    expect(kit.grids.changes.events.map((e) => [e.aggregateId, e.version])).toEqual([[ids.west, 2]]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a username that is taken, whatever its case, with a 409 on the field', async () => {
    const kit = directory();
    const e = await refusal(create(kit, { username: 'instructor', gridIds: [ids.east] }));
    expect([e.code, e.details.errors]).toEqual([
      'conflict',
      [{ field: 'username', messages: ['the username instructor is taken'] }],
    ]);
    expect(kit.users.rows.size).toBe(2);
    expect(kit.users.changes.events).toEqual([]);
  });

  it('names every scope problem at once: a scope the role needs, ids that name nothing', async () => {
    const kit = directory();
    const missing = await refusal(create(kit, { role: 'enterprise', gridIds: undefined }));
    expect(fieldsOf(missing)).toEqual(['enterpriseId']);
    const unknown = await refusal(create(kit, { gridIds: [ids.nobody, ids.west] }));
    expect(unknown.details.errors).toEqual([
      { field: 'gridIds', messages: [`unknown grids: ${ids.nobody}`] },
    ]);
    const department = await refusal(
      create(kit, { role: 'department', departmentId: ids.tax, gridIds: undefined }),
    );
    expect(department.details.errors).toEqual([
      { field: 'departmentId', messages: [`departmentId ${ids.tax} is not a known department`] },
    ]);
    expect(kit.users.changes.events).toEqual([]);
    expect(kit.grids.changes.events).toEqual([]);
  });
});
