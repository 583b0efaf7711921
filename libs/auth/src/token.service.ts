import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import { AccessTokenClaims, AuthUser, fromClaims, toClaims } from './auth-user';

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/** How long a stream ticket may wait to be shown: the time to open an EventSource, with a margin. */
export const STREAM_TICKET_TTL_SECONDS = 30;

type Claims = Omit<AccessTokenClaims, 'typ'> & {
  typ?: string;
  exp?: number;
  iss?: string;
  iat?: number;
  aud?: string;
  jti?: string;
};

/** What a stream ticket stands for: the caller of the access token it was issued against. */
export interface StreamTicketHolder extends AuthUser {
  ticketId: string;
  expiresAt: Date;
}

/**
 * HS256 access tokens: identity signs them, every service verifies them with the shared secret.
 * Small enough to own: no algorithm negotiation, so no `alg: none` or key-confusion attacks.
 * Stream tickets are signed the same way with their own type, so neither works as the other.
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
    // NumericDate may be fractional (RFC 7519): milliseconds, so a revocation and a token issued in
    // the same second (a password change answered with a new token) are told apart.
    const iat = now / 1000;
    const exp = Math.floor(iat) + this.ttlSeconds;
    return {
      token: this.encode({ ...toClaims(user), iat, exp, iss: this.issuer }),
      expiresAt: new Date(exp * 1000),
    };
  }

  verify(token: string, now = Date.now()): AuthUser {
    const c = this.decode(token, now);
    if (c.typ !== 'access') throw new InvalidTokenError('not an access token');
    return this.userOf(c);
  }

  /**
   * A one-use ticket for one event stream (`stream`, its path), for a client that cannot send a
   * header (EventSource): it names the caller of `user`'s access token, keeps that token's issue
   * time (a session ended after it ends the ticket too) and lives STREAM_TICKET_TTL_SECONDS.
   */
  signStreamTicket(user: AuthUser, stream: string, now = Date.now()): { ticket: string; expiresAt: Date } {
    const exp = Math.floor(now / 1000) + STREAM_TICKET_TTL_SECONDS;
    const ticket = this.encode({
      ...toClaims(user),
      typ: 'stream',
      aud: stream,
      jti: randomUUID(),
      iat: (user.issuedAt ?? now) / 1000,
      exp,
      iss: this.issuer,
    });
    return { ticket, expiresAt: new Date(exp * 1000) };
  }

  /** The holder of a stream ticket shown for `stream`; whether it was shown before is the caller's to check. */
  verifyStreamTicket(ticket: string, stream: string, now = Date.now()): StreamTicketHolder {
    const c = this.decode(ticket, now);
    if (c.typ !== 'stream') throw new InvalidTokenError('not a stream ticket');
    if (c.aud !== stream) throw new InvalidTokenError('the ticket is for another stream');
    if (typeof c.jti !== 'string' || !c.jti) throw new InvalidTokenError('malformed claims');
    return { ...this.userOf(c), ticketId: c.jti, expiresAt: new Date(c.exp! * 1000) };
  }

  private encode(body: object): string {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = b64url(JSON.stringify(body));
    const sig = b64url(createHmac('sha256', this.key).update(`${header}.${payload}`).digest());
    return `${header}.${payload}.${sig}`;
  }

  private decode(token: string, now: number): Claims {
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
    let c: Claims;
    try {
      h = JSON.parse(Buffer.from(header, 'base64url').toString());
      c = JSON.parse(Buffer.from(body, 'base64url').toString());
    } catch {
      throw new InvalidTokenError('malformed token');
    }
    if (h.alg !== 'HS256') throw new InvalidTokenError('unexpected algorithm');
    if (c.iss !== this.issuer || (c.typ !== 'access' && c.typ !== 'stream'))
      throw new InvalidTokenError('not an access token');
    if (typeof c.exp !== 'number' || c.exp * 1000 <= now) throw new InvalidTokenError('token expired');
    if (!c.sub || !(ALL_ROLES as readonly string[]).includes(c.role))
      throw new InvalidTokenError('malformed claims');
    return c;
  }

  private userOf(c: Claims): AuthUser {
    return {
      ...fromClaims({ ...c, typ: 'access' }),
      ...(typeof c.iat === 'number' ? { issuedAt: Math.round(c.iat * 1000) } : {}),
    };
  }
}
