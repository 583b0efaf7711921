import { createHmac } from 'node:crypto';
import { AuthUser } from './auth-user';
import { InvalidTokenError, TokenService } from './token.service';

const tokens = new TokenService('k'.repeat(40));
const user: AuthUser = { id: 'u1', role: 'committee', name: '调度台' };
const b64url = (x: string | Buffer) => Buffer.from(x).toString('base64url');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The other spellings of a base64url signature's last character that decode to the same bytes. */
function sameBytesOtherSpellings(token: string): string[] {
  const last = BASE64URL.indexOf(token.slice(-1));
  // A 32-byte signature is 43 characters: the last holds 4 bits of it and 2 unused low bits.
  return [0, 1, 2, 3]
    .map((low) => BASE64URL[(last & ~3) | low])
    .filter((c) => c !== token.slice(-1))
    .map((c) => token.slice(0, -1) + c);
}

describe('TokenService', () => {
  it('accepts what it signed, until it expires', () => {
    const now = Date.UTC(2026, 10, 22, 8);
    const { token } = tokens.sign(user, now);
    expect(tokens.verify(token, now + 1000)).toMatchObject({ id: 'u1', role: 'committee' });
    expect(() => tokens.verify(token, now + tokens.accessTokenTtlSeconds * 1000)).toThrow('token expired');
  });

  it('accepts a signature in its one spelling only, not in the spellings that decode to the same bytes', () => {
    const { token } = tokens.sign(user);
    const others = sameBytesOtherSpellings(token);
    expect(others).toHaveLength(3);
    for (const forged of others) {
      const sig = forged.split('.')[2];
      expect(Buffer.from(sig, 'base64url')).toEqual(Buffer.from(token.split('.')[2], 'base64url'));
      expect(() => tokens.verify(forged)).toThrow(InvalidTokenError);
    }
  });

  it('refuses another key’s signature, a changed body, another algorithm and a refresh-like token', () => {
    const { token } = tokens.sign(user);
    const [header, body] = token.split('.');
    expect(() => new TokenService('z'.repeat(40)).verify(token)).toThrow('bad signature');

    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const admin = b64url(JSON.stringify({ ...claims, role: 'admin' }));
    expect(() => tokens.verify(`${header}.${admin}.${token.split('.')[2]}`)).toThrow('bad signature');

    // Correctly signed with our key, but not what we issue.
    const signed = (h: object, c: object) => {
      const head = b64url(JSON.stringify(h));
      const payload = b64url(JSON.stringify(c));
      const sig = createHmac('sha256', 'k'.repeat(40)).update(`${head}.${payload}`).digest('base64url');
      return `${head}.${payload}.${sig}`;
    };
    expect(() => tokens.verify(signed({ alg: 'none', typ: 'JWT' }, claims))).toThrow('unexpected algorithm');
    expect(() => tokens.verify(signed({ alg: 'HS256', typ: 'JWT' }, { ...claims, typ: 'refresh' }))).toThrow(
      'not an access token',
    );
    expect(() => tokens.verify('a.b')).toThrow('malformed token');
  });
});
