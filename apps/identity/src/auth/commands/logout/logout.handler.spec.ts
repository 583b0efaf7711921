import { directory, ids } from '../../../handler-spec.fixture';
import { RefreshToken } from '../../domain/refresh-token';
import { LogoutCommand } from './logout.command';
import { LogoutHandler } from './logout.handler';

describe('LogoutHandler', () => {
  it('ends the login the token belongs to, and no other', async () => {
    const kit = directory();
    const now = new Date();
    const first = RefreshToken.issue({ id: 'a1', familyId: 'login-a', userId: ids.committee }, 14, now);
    const rotated = RefreshToken.issue({ id: 'a2', familyId: 'login-a', userId: ids.committee }, 14, now);
    const other = RefreshToken.issue({ id: 'b1', familyId: 'login-b', userId: ids.committee }, 14, now);
    for (const t of [first, rotated, other]) await kit.refreshTokens.save(t.token);
    await new LogoutHandler(kit.uow, kit.refreshTokens, kit.users).execute(
      LogoutCommand.create({ refreshToken: first.secret }),
    );
    expect(kit.refreshTokens.live(ids.committee, new Date()).map((t) => t.id)).toEqual(['b1']);
    // Announced for that session only: the user's other logins keep their access tokens.
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({ userId: ids.committee, sessionId: 'login-a', reason: 'logout' }),
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('takes an unknown token as already logged out, changing nothing', async () => {
    const kit = directory();
    const t = RefreshToken.issue({ id: 'a1', familyId: 'login-a', userId: ids.committee }, 14, new Date());
    await kit.refreshTokens.save(t.token);
    await new LogoutHandler(kit.uow, kit.refreshTokens, kit.users).execute(
      LogoutCommand.create({ refreshToken: 'B'.repeat(43) }),
    );
    expect(kit.refreshTokens.live(ids.committee, new Date())).toHaveLength(1);
    expect(kit.refreshTokens.ended).toEqual([]);
  });

  it('refuses what cannot be a refresh token before looking', () => {
    expect(() => LogoutCommand.create({ refreshToken: 'x' })).toThrow(/refreshToken/);
  });
});
