import { SYSTEM_ACTOR } from '@ticketing/contracts';
import { callerActor, ids, T0, userState } from '../../identity-spec.fixture';
import { User } from './user.aggregate';

const later = new Date(T0.getTime() + 60_000);
const noScope = { enterpriseId: null, departmentId: null, gridIds: [] };

describe('User', () => {
  it('is registered with a password the admin knows: announced without any credential, audited', () => {
    const u = User.register(
      {
        id: ids.instructor,
        username: 'new-instructor',
        displayName: '新指导员',
        role: 'instructor',
        scope: { ...noScope, gridIds: [ids.west, ids.east] },
        mobile: null,
        email: null,
        passwordHash: 'scrypt$hash',
      },
      callerActor,
      T0,
      { username: 'new-instructor' },
    );
    expect([u.mustChangePassword, u.active, u.version, u.gridIds]).toEqual([
      true,
      true,
      1,
      [ids.east, ids.west],
    ]);
    const { events, audit } = u.pullChanges();
    expect(events).toEqual([
      {
        type: 'directory.user-upserted',
        version: 1,
        actor: callerActor,
        at: T0,
        payload: {
          id: ids.instructor,
          username: 'new-instructor',
          displayName: '新指导员',
          role: 'instructor',
          enterpriseId: null,
          departmentId: null,
          gridIds: [ids.east, ids.west],
          mobile: null,
          email: null,
          active: true,
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toMatch(/scrypt/);
    expect(audit).toEqual([
      { action: 'user.created', actor: callerActor, details: { username: 'new-instructor' } },
    ]);
  });

  it('is seeded by the system with a password of its own (no change required), not audited', () => {
    const u = User.seed(
      {
        id: ids.committee,
        username: 'committee',
        displayName: '综合党委',
        role: 'committee',
        scope: noScope,
        mobile: null,
        email: null,
        passwordHash: 'scrypt$hash',
      },
      T0,
    );
    expect(u.mustChangePassword).toBe(false);
    const { events, audit } = u.pullChanges();
    expect(events.map((e) => e.actor)).toEqual([SYSTEM_ACTOR]);
    expect(audit).toEqual([]);
  });

  it('ends its sessions when deactivated, given another role or moved to another scope, but not for a new display name', () => {
    const rename = User.fromState(userState());
    expect(
      rename.update({ displayName: '陈志强', role: 'committee', scope: noScope }, callerActor, later, {}),
    ).toEqual({ changed: true, endsSessions: null, joinedGrids: [], leftGrids: [] });
    const off = User.fromState(userState());
    expect(
      off.update({ role: 'committee', scope: noScope, active: false }, callerActor, later, {}).endsSessions,
    ).toBe('deactivated');
    const promoted = User.fromState(userState());
    expect(promoted.update({ role: 'admin', scope: noScope }, callerActor, later, {}).endsSessions).toBe(
      'role-changed',
    );
    const moved = User.fromState(userState({ role: 'instructor', gridIds: [ids.east] }));
    expect(
      moved.update(
        { role: 'instructor', scope: { ...noScope, gridIds: [ids.west] } },
        callerActor,
        later,
        {},
      ),
    ).toEqual({
      changed: true,
      endsSessions: 'scope-changed',
      joinedGrids: [ids.west],
      leftGrids: [ids.east],
    });
    expect([moved.version, moved.updatedAt, moved.gridIds]).toEqual([2, later, [ids.west]]);
  });

  it('changes nothing when every value asked for is the current one', () => {
    const u = User.fromState(userState({ role: 'instructor', gridIds: [ids.east, ids.west] }));
    const update = u.update(
      {
        role: 'instructor',
        scope: { ...noScope, gridIds: [ids.west, ids.east] },
        displayName: '综合党委 陈志强',
        mobile: '13708580909',
        email: null,
        active: true,
      },
      callerActor,
      later,
      { displayName: '综合党委 陈志强' },
    );
    expect(update.changed).toBe(false);
    expect([u.version, u.updatedAt]).toEqual([1, T0]);
    expect(u.pullChanges()).toEqual({ events: [], audit: [] });
  });

  it('knows when a change would take away the last thing that lets it administer', () => {
    const admin = User.fromState(userState({ role: 'admin' }));
    expect(admin.losesActiveAdmin({ role: 'committee' })).toBe(true);
    expect(admin.losesActiveAdmin({ role: 'admin', active: false })).toBe(true);
    expect(admin.losesActiveAdmin({ role: 'admin', active: true })).toBe(false);
    expect(
      User.fromState(userState({ role: 'admin', active: false })).losesActiveAdmin({ role: 'committee' }),
    ).toBe(false);
  });

  it('records a password reset in the audit trail only: no event, no new version, a change required', () => {
    const u = User.fromState(userState());
    u.resetPassword('scrypt$new', callerActor, later);
    expect([u.passwordHash, u.mustChangePassword, u.passwordChangedAt, u.version]).toEqual([
      'scrypt$new',
      true,
      later,
      1,
    ]);
    expect(u.pullChanges()).toEqual({
      events: [],
      audit: [{ action: 'user.password-reset', actor: callerActor, details: {} }],
    });
  });

  it('takes a password of its own choosing, which lifts the duty to change it', () => {
    const u = User.fromState(userState({ mustChangePassword: true }));
    u.changePassword('scrypt$mine', later);
    expect([u.passwordHash, u.mustChangePassword, u.updatedAt]).toEqual(['scrypt$mine', false, later]);
    expect(u.pullChanges()).toEqual({ events: [], audit: [] });
  });

  it('follows a grid that takes it on or lets it go: a new version, announced, not audited', () => {
    const u = User.fromState(userState({ role: 'instructor', gridIds: [ids.east] }));
    u.joinedGrid(ids.west, callerActor, later);
    u.leftGrid(ids.east, callerActor, later);
    const { events, audit } = u.pullChanges();
    expect(events.map((e) => [e.version, e.payload.gridIds])).toEqual([
      [2, [ids.east, ids.west]],
      [3, [ids.west]],
    ]);
    expect(audit).toEqual([]);
  });
});
