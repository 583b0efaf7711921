import { TokenService } from '@ticketing/auth';
import { directory, ids, refusal, userState } from '../../../handler-spec.fixture';
import { RefreshToken } from '../../domain/refresh-token';
import { SessionIssuer } from '../../session.issuer';
import { RefreshSessionCommand } from './refresh-session.command';
import { RefreshSessionHandler } from './refresh-session.handler';

const tokens = new TokenService('s'.repeat(40));
const settings = { seedDemo: false, loginRateLimitPerMinute: 20, refreshTokenTtlDays: 14 };

async function loggedIn(over: Parameters<typeof userState>[0] = {}, issuedAt = new Date()) {
  const kit = directory({ users: [userState({ id: ids.committee, ...over })] });
  const { token, secret } = RefreshToken.issue(
    { id: 'first', familyId: 'login-1', userId: ids.committee },
    14,
    issuedAt,
  );
  await kit.refreshTokens.save(token);
  const refresh = (s: string) =>
    new RefreshSessionHandler(
      kit.uow,
      kit.refreshTokens,
      kit.users,
      new SessionIssuer(tokens, settings, kit.refreshTokens),
    ).execute(RefreshSessionCommand.create({ refreshToken: s }));
  return { ...kit, secret, refresh };
}

describe('RefreshSessionHandler', () => {
  it('rotates: the token is used up and a new one of the same login is issued', async () => {
    const kit = await loggedIn();
    const session = await kit.refresh(kit.secret);
    expect(session.refreshToken).not.toBe(kit.secret);
    expect(tokens.verify(session.accessToken)).toMatchObject({ id: ids.committee, role: 'committee' });
    expect(kit.refreshTokens.rows.get('first')?.rotatedAt).toBeInstanceOf(Date);
    const live = kit.refreshTokens.live(ids.committee, new Date());
    expect(live.map((t) => t.familyId)).toEqual(['login-1']);
    expect((await kit.refresh(session.refreshToken)).user.id).toBe(ids.committee);
  });

  it('treats a second use as theft: the whole login ends, and the refusal commits', async () => {
    const kit = await loggedIn();
    const session = await kit.refresh(kit.secret);
    const e = await refusal(kit.refresh(kit.secret));
    expect([e.code, e.message]).toEqual([
      'unauthorized',
      'refresh token was already used or revoked; this login has been ended everywhere, log in again',
    ]);
    expect(kit.refreshTokens.live(ids.committee, new Date())).toEqual([]);
    // The access tokens of that login end with it, in every service.
    expect(kit.refreshTokens.ended.map((e) => [e.userId, e.sessionId, e.reason])).toEqual([
      [ids.committee, kit.refreshTokens.rows.get('first')!.familyId, 'refresh-token-reused'],
    ]);
    expect((await refusal(kit.refresh(session.refreshToken))).code).toBe('unauthorized');
  });

  it('refuses an unknown token, an expired one, and ends the login of a disabled account', async () => {
    const kit = await loggedIn();
    expect((await refusal(kit.refresh('A'.repeat(43)))).message).toBe('refresh token is not valid');

    const old = await loggedIn({}, new Date(Date.now() - 15 * 86_400_000));
    expect((await refusal(old.refresh(old.secret))).message).toBe('refresh token has expired; log in again');

    const disabled = await loggedIn({ active: false });
    expect((await refusal(disabled.refresh(disabled.secret))).message).toBe(
      'this account is disabled; ask the administrator',
    );
    expect(disabled.refreshTokens.rows.get('first')?.revokedAt).toBeInstanceOf(Date);
  });
});
