import { RefreshToken } from '../../../auth/domain/refresh-token';
import { caller, callerActor, directory, hasher, ids, refusal } from '../../../handler-spec.fixture';
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordHandler } from './reset-password.handler';

describe('ResetPasswordHandler', () => {
  it("sets a password the user must change, ends the user's sessions, audits it without an event", async () => {
    const kit = directory();
    const { token } = RefreshToken.issue(
      { id: 't1', familyId: 'f1', userId: ids.instructor },
      14,
      new Date(),
    );
    await kit.refreshTokens.save(token);
    await new ResetPasswordHandler(kit.uow, kit.users, kit.refreshTokens, hasher).execute(
      ResetPasswordCommand.create({ user: caller, userId: ids.instructor, newPassword: 'Reset2026x' }),
    );
    const stored = kit.users.rows.get(ids.instructor)!;
    expect(await hasher.verify('Reset2026x', stored.passwordHash)).toBe(true);
    expect([stored.mustChangePassword, stored.version]).toEqual([true, 1]);
    expect(kit.refreshTokens.live(ids.instructor, new Date())).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({
        userId: ids.instructor,
        sessionId: null,
        reason: 'password-reset',
        actor: callerActor,
      }),
    ]);
    expect(kit.users.changes.audit).toEqual([
      {
        action: 'user.password-reset',
        actor: callerActor,
        entityType: 'user',
        entityId: ids.instructor,
        details: {},
      },
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('answers 404 for a user that does not exist', async () => {
    const kit = directory();
    const e = await refusal(
      new ResetPasswordHandler(kit.uow, kit.users, kit.refreshTokens, hasher).execute(
        ResetPasswordCommand.create({ user: caller, userId: ids.nobody, newPassword: 'Reset2026x' }),
      ),
    );
    expect([e.code, e.message]).toEqual(['notFound', `user ${ids.nobody} does not exist`]);
    expect(kit.users.changes.audit).toEqual([]);
  });
});
