import { RefreshToken } from '../../../auth/domain/refresh-token';
import {
  caller,
  callerActor,
  directory,
  fieldsOf,
  ids,
  refusal,
  T0,
  userState,
} from '../../../handler-spec.fixture';
import { UpdateUserCommand } from './update-user.command';
import { UpdateUserHandler } from './update-user.handler';

const update = (kit: ReturnType<typeof directory>, over: Partial<UpdateUserCommand>) =>
  new UpdateUserHandler(kit.uow, kit.users, kit.grids, kit.refreshTokens, kit.scopes).execute(
    UpdateUserCommand.create({ user: caller, userId: ids.instructor, ...over }),
  );

/** A live login of the user, to see whether a change ends it. */
async function loggedIn(kit: ReturnType<typeof directory>, userId: string) {
  const { token } = RefreshToken.issue(
    { id: `t-${userId}`, familyId: `f-${userId}`, userId },
    14,
    new Date(),
  );
  await kit.refreshTokens.save(token);
}

describe('UpdateUserHandler', () => {
  it('moves an instructor to another grid: user and both grids a new version, sessions ended', async () => {
    const kit = directory();
    await loggedIn(kit, ids.instructor);
    const result = await update(kit, { gridIds: [ids.west], expectedVersion: 1 });
    expect(result).toMatchObject({ gridIds: [ids.west], version: 2 });
    expect(kit.users.changes.events.map((e) => [e.version, e.payload.gridIds])).toEqual([[2, [ids.west]]]);
    expect(kit.users.changes.audit).toEqual([
      expect.objectContaining({
        action: 'user.updated',
        details: expect.objectContaining({ gridIds: [ids.west] }),
      }),
    ]);
    expect(kit.grids.changes.events.map((e) => [e.aggregateId, e.payload.instructorUserIds]).sort()).toEqual(
      [
        [ids.east, []],
        [ids.west, [ids.instructor]],
      ].sort(),
    );
    // The token's grids are stale: the user must log in again, and every service hears it.
    expect(kit.refreshTokens.live(ids.instructor, new Date())).toEqual([]);
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({ userId: ids.instructor, sessionId: null, reason: 'scope-changed' }),
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('changes a role and drops the scope that no longer fits', async () => {
    const kit = directory();
    const result = await update(kit, { role: 'committee' });
    expect(result).toMatchObject({ role: 'committee', gridIds: [], version: 2 });
    expect(kit.grids.rows.get(ids.east)).toMatchObject({ instructorUserIds: [], version: 2 });
  });

  it('keeps the sessions for a new display name', async () => {
    const kit = directory();
    await loggedIn(kit, ids.instructor);
    await update(kit, { displayName: '党建指导员 李娜' });
    expect(kit.refreshTokens.live(ids.instructor, new Date())).toHaveLength(1);
    expect(kit.refreshTokens.ended).toEqual([]);
  });

  it('answers the unchanged user when every value asked for is the current one: nothing stored', async () => {
    const kit = directory();
    await loggedIn(kit, ids.instructor);
    const result = await update(kit, {
      role: 'instructor',
      gridIds: [ids.east],
      active: true,
      mobile: '13708580909',
    });
    expect(result).toMatchObject({ version: 1, updatedAt: T0.toISOString() });
    expect(kit.users.changes.events).toEqual([]);
    expect(kit.users.changes.audit).toEqual([]);
    expect(kit.grids.changes.events).toEqual([]);
    expect(kit.refreshTokens.live(ids.instructor, new Date())).toHaveLength(1);
  });

  it('will not leave the directory without an active admin (409), nor take a scope that does not fit (400)', async () => {
    const kit = directory();
    const last = await refusal(update(kit, { userId: ids.admin, active: false }));
    expect([last.code, last.message]).toEqual([
      'conflict',
      'this is the last active admin: make another user admin first',
    ]);
    const misfit = await refusal(update(kit, { role: 'committee', gridIds: [ids.west] }));
    expect(fieldsOf(misfit)).toEqual(['gridIds']);
    expect(kit.users.changes.events).toEqual([]);

    const two = directory({
      users: [userState({ id: ids.admin, role: 'admin' }), userState({ id: ids.otherAdmin, role: 'admin' })],
    });
    expect((await update(two, { userId: ids.admin, active: false })).active).toBe(false);
    expect(two.refreshTokens.ended).toEqual([
      expect.objectContaining({
        userId: ids.admin,
        sessionId: null,
        reason: 'deactivated',
        actor: callerActor,
      }),
    ]);
  });
});
