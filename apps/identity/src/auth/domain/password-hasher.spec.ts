import * as crypto from 'node:crypto';
import { MAX_CONCURRENT_DERIVATIONS, PasswordHasher } from './password-hasher';

// scrypt as Node's, watched: how many derivations are running at once.
let inFlight = 0;
let mostInFlight = 0;
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof crypto>('node:crypto');
  return {
    ...actual,
    scrypt: (...args: unknown[]) => {
      const done = args.pop() as (err: Error | null, key: Buffer) => void;
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        (actual.scrypt as (...a: unknown[]) => void)(...args, (err: Error | null, key: Buffer) => {
          inFlight--;
          done(err, key);
        });
      } catch (e) {
        inFlight--; // refused at once (parameters out of range): nothing ran
        throw e;
      }
    },
  };
});

describe('PasswordHasher', () => {
  // Low cost keeps the suite fast; the format and the comparison are what is under test.
  const hasher = new PasswordHasher({ ln: 10, r: 8, p: 1 });

  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hasher.hash('Demo@2026');
    expect(await hasher.verify('Demo@2026', stored)).toBe(true);
    expect(await hasher.verify('Demo@2027', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('stores its parameters and a fresh salt, never the password', async () => {
    const a = await hasher.hash('Demo@2026');
    const b = await hasher.hash('Demo@2026');
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('Demo@2026');
    expect(Buffer.from(a.split('$')[2], 'base64')).toHaveLength(16);
  });

  it('verifies hashes made with other parameters, and says when they are weaker than today', async () => {
    const strong = new PasswordHasher({ ln: 11, r: 8, p: 1 });
    const old = await hasher.hash('s3cret-pass');
    expect(await strong.verify('s3cret-pass', old)).toBe(true);
    expect(strong.needsRehash(old)).toBe(true);
    expect(strong.needsRehash(await strong.hash('s3cret-pass'))).toBe(false);
  });

  it('treats a malformed or tampered hash as a mismatch instead of throwing', async () => {
    expect(await hasher.verify('x', 'plain-text')).toBe(false);
    expect(await hasher.verify('x', 'scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ=$' + 'A'.repeat(88))).toBe(false);
    const stored = await hasher.hash('Demo@2026');
    const truncated = stored.slice(0, stored.lastIndexOf('$') + 10);
    expect(await hasher.verify('Demo@2026', truncated)).toBe(false);
  });

  it('treats the same password in another Unicode normal form as the same password', async () => {
    const stored = await hasher.hash('Ｄemo@2026'); // full-width D, as some Chinese IMEs type it
    expect(await hasher.verify('Demo@2026', stored)).toBe(true);
  });

  it('runs at most one derivation per core, the rest in turn (a burst of logins)', async () => {
    mostInFlight = 0;
    const passwords = Array.from({ length: MAX_CONCURRENT_DERIVATIONS * 3 + 1 }, (_, i) => `burst-${i}`);
    const stored = await Promise.all(passwords.map((p) => hasher.hash(p)));
    const verified = await Promise.all(passwords.map((p, i) => hasher.verify(p, stored[i])));
    expect(verified.every(Boolean)).toBe(true);
    expect(mostInFlight).toBe(MAX_CONCURRENT_DERIVATIONS);
    expect(inFlight).toBe(0);
  });

  it('frees its turn when a derivation fails', async () => {
    mostInFlight = 0;
    const tooCostly = new PasswordHasher({ ln: 10, r: 8, p: 2 ** 30 });
    await Promise.all(
      Array.from({ length: MAX_CONCURRENT_DERIVATIONS + 1 }, () =>
        expect(tooCostly.hash('x')).rejects.toThrow(),
      ),
    );
    expect(await hasher.verify('after', await hasher.hash('after'))).toBe(true);
    expect(inFlight).toBe(0);
  });
});
