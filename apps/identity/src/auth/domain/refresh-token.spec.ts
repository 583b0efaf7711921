import { hashRefreshToken, RefreshToken } from './refresh-token';

const T0 = new Date('2026-03-02T01:00:00.000Z');
const ids = { id: 'token-1', familyId: 'family-1', userId: 'user-1' };

describe('RefreshToken', () => {
  it('is issued as 256 random bits; only its SHA-256 is kept', () => {
    const { token, secret } = RefreshToken.issue(ids, 14, T0);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(token.state()).toEqual({
      ...ids,
      tokenHash: hashRefreshToken(secret),
      expiresAt: new Date(T0.getTime() + 14 * 86_400_000),
      createdAt: T0,
      rotatedAt: null,
      revokedAt: null,
    });
    expect(token.state().tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(RefreshToken.issue(ids, 14, T0).secret).not.toBe(secret);
  });

  it('works once: after rotation, showing it again is a reuse', () => {
    const { token } = RefreshToken.issue(ids, 14, T0);
    expect(token.verdict(T0)).toBe('usable');
    token.rotate(T0);
    expect(token.verdict(T0)).toBe('reused');
  });

  it('is a reuse once revoked, and expired at its expiry', () => {
    const { token } = RefreshToken.issue(ids, 1, T0);
    expect(token.verdict(token.expiresAt)).toBe('expired');
    const revoked = RefreshToken.fromState({ ...token.state(), revokedAt: T0 });
    expect(revoked.verdict(T0)).toBe('reused');
  });
});
