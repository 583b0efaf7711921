import { TokenService } from '@ticketing/auth';
import { directory, hasher, ids, refusal, T0, userState } from '../../../handler-spec.fixture';
import { IdentitySettings } from '../../../identity.env';
import { AccountLockedError } from '../../domain/account-locked.error';
import { hashRefreshToken } from '../../domain/refresh-token';
import { PasswordHasher } from '../../domain/password-hasher';
import { SessionIssuer } from '../../session.issuer';
import { LoginCommand } from './login.command';
import { BAD_CREDENTIALS, LoginHandler } from './login.handler';

const tokens = new TokenService('s'.repeat(40));
const settings: IdentitySettings = { seedDemo: false, loginRateLimitPerMinute: 20, refreshTokenTtlDays: 14 };

async function kitWith(password: string, over: Parameters<typeof userState>[0] = {}, with_ = hasher) {
  const kit = directory({
    users: [
      userState({
        id: ids.instructor,
        username: 'instructor',
        displayName: '党建指导员 李娜',
        role: 'instructor',
        gridIds: [ids.east],
        passwordHash: await with_.hash(password),
        ...over,
      }),
    ],
  });
  const login = (username: string, pw: string, h: PasswordHasher = hasher) =>
    new LoginHandler(
      kit.uow,
      kit.users,
      h,
      kit.lockout(),
      new SessionIssuer(tokens, settings, kit.refreshTokens),
    ).execute(LoginCommand.create({ username, password: pw }));
  return { ...kit, login };
}

describe('LoginHandler', () => {
  it('logs in (the name in any case): an access token with the scope, a stored refresh token, failures forgotten', async () => {
    const kit = await kitWith('Demo@2026');
    await kit.failures.save('instructor', { failures: 2, windowStartedAt: new Date(), lockedUntil: null });
    const session = await kit.login(' Instructor ', 'Demo@2026');
    expect(tokens.verify(session.accessToken)).toMatchObject({
      id: ids.instructor,
      role: 'instructor',
      name: '党建指导员 李娜',
      gridIds: [ids.east],
    });
    expect(session.user).toMatchObject({ id: ids.instructor, username: 'instructor', gridIds: [ids.east] });
    const stored = [...kit.refreshTokens.rows.values()];
    expect(stored).toEqual([
      expect.objectContaining({ userId: ids.instructor, tokenHash: hashRefreshToken(session.refreshToken) }),
    ]);
    expect(JSON.stringify(stored)).not.toContain(session.refreshToken);
    expect(await kit.failures.find('instructor')).toBeNull();
    expect(kit.users.changes.events).toEqual([]);
  });

  it('answers a wrong password and an unknown name alike, counting each failure and holding the answer back', async () => {
    const kit = await kitWith('Demo@2026');
    for (const [name, pw] of [
      ['instructor', 'Demo@2025'],
      ['nobody-here', 'Demo@2026'],
    ]) {
      const e = await refusal(kit.login(name, pw));
      expect([e.code, e.message]).toEqual(['unauthorized', BAD_CREDENTIALS]);
    }
    expect((await kit.failures.find('instructor'))?.failures).toBe(1);
    expect((await kit.failures.find('nobody-here'))?.failures).toBe(1);
    expect(kit.delays).toEqual([200, 200]);
    expect(kit.refreshTokens.rows.size).toBe(0);
  });

  it('refuses a locked name even with the right password, with the seconds to wait', async () => {
    const kit = await kitWith('Demo@2026');
    const lockedUntil = new Date(Date.now() + 10 * 60_000);
    await kit.failures.save('instructor', { failures: 5, windowStartedAt: T0, lockedUntil });
    const e = await refusal(kit.login('instructor', 'Demo@2026'));
    expect(e).toBeInstanceOf(AccountLockedError);
    expect((e as AccountLockedError).retryAfterSeconds).toBeGreaterThan(500);
    expect(kit.refreshTokens.rows.size).toBe(0);
  });

  it('refuses a disabled account with the right password', async () => {
    const kit = await kitWith('Demo@2026', { active: false });
    const e = await refusal(kit.login('instructor', 'Demo@2026'));
    expect([e.code, e.message]).toEqual(['unauthorized', 'this account is disabled; ask the administrator']);
    expect(kit.refreshTokens.rows.size).toBe(0);
  });

  it('rehashes a password stored with weaker parameters, without a new version or event', async () => {
    const kit = await kitWith('Demo@2026');
    const stronger = new PasswordHasher({ ln: 11, r: 8, p: 1 });
    await kit.login('instructor', 'Demo@2026', stronger);
    const stored = kit.users.rows.get(ids.instructor)!;
    expect(stored.passwordHash).toMatch(/^scrypt\$ln=11,/);
    expect(stronger.needsRehash(stored.passwordHash)).toBe(false);
    expect(stored.version).toBe(1);
    expect(kit.users.changes.events).toEqual([]);
  });
});
