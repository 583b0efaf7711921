import { createHmac, timingSafeEqual } from 'node:crypto';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import { AccessTokenClaims, AuthUser, fromClaims, toClaims } from './auth-user';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * HS256 access tokens: identity signs them, every service verifies them with the shared secret.
 * Small enough to own: no algorithm negotiation, so no `alg: none` or key-confusion attacks.
 */
export class TokenService {
  private readonly key: Buffer;

  constructor(
    secret: string,
    private readonly ttlSeconds = 900,
    private readonly issuer = 'chuishao',
  ) {
    if (secret.length < 32) throw new Error('token secret must be at least 32 characters');
    this.key = Buffer.from(secret, 'utf8');
  }

  get accessTokenTtlSeconds(): number {
    return this.ttlSeconds;
  }

  sign(user: AuthUser, now = Date.now()): { token: string; expiresAt: Date } {
    const iat = Math.floor(now / 1000);
    const exp = iat + this.ttlSeconds;
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const body = b64url(JSON.stringify({ ...toClaims(user), iat, exp, iss: this.issuer }));
    const sig = b64url(createHmac('sha256', this.key).update(`${header}.${body}`).digest());
    return { token: `${header}.${body}.${sig}`, expiresAt: new Date(exp * 1000) };
  }

  verify(token: string, now = Date.now()): AuthUser {
    const parts = token.split('.');
    if (parts.length !== 3) throw new InvalidTokenError('malformed token');
    const [header, body, sig] = parts;
    // Compared as written, not as decoded: base64url's last character carries two unused bits, so
    // four spellings decode to the same bytes, and a token must be accepted in its one spelling only.
    const expected = Buffer.from(b64url(createHmac('sha256', this.key).update(`${header}.${body}`).digest()));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new InvalidTokenError('bad signature');
    let h: { alg?: string };
    let c: AccessTokenClaims & { exp?: number; iss?: string };
    try {
      h = JSON.parse(Buffer.from(header, 'base64url').toString());
      c = JSON.parse(Buffer.from(body, 'base64url').toString());
    } catch {
      throw new InvalidTokenError('malformed token');
    }
    if (h.alg !== 'HS256') throw new InvalidTokenError('unexpected algorithm');
    if (c.iss !== this.issuer || c.typ !== 'access') throw new InvalidTokenError('not an access token');
    if (typeof c.exp !== 'number' || c.exp * 1000 <= now) throw new InvalidTokenError('token expired');
    if (!c.sub || !(ALL_ROLES as readonly string[]).includes(c.role))
      throw new InvalidTokenError('malformed claims');
    return fromClaims(c);
  }
}
