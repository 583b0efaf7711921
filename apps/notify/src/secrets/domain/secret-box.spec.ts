import { randomBytes } from 'node:crypto';
import { keyIdOf, SecretBox, SecretBoxError, secretKey } from './secret-box';

const keyA = secretKey(Buffer.alloc(32, 1));
const keyB = secretKey(Buffer.alloc(32, 2));
const CONTEXT = 'notify.subscriptions.secret:0193a000-0000-7000-8000-0000000000a1';

describe('SecretBox', () => {
  it('seals with AES-256-GCM and opens what it sealed; the text stored shows nothing of the secret', () => {
    const box = new SecretBox({ current: keyA, previous: [] });
    const sealed = box.seal('SECrobot-secret-0123456789', CONTEXT);
    expect(sealed).toMatch(new RegExp(`^enc:v1:${keyA.id}:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$`));
    expect(sealed).not.toContain('robot-secret');
    expect(box.open(sealed, CONTEXT)).toBe('SECrobot-secret-0123456789');
    // A fresh nonce each time: the same secret never looks the same twice.
    expect(box.seal('SECrobot-secret-0123456789', CONTEXT)).not.toBe(sealed);
    expect(box.open(box.seal('企业微信 key=中文 ✓', CONTEXT), CONTEXT)).toBe('企业微信 key=中文 ✓');
  });

  it('refuses a value moved to another row or column, or changed by one bit', () => {
    const box = new SecretBox({ current: keyA, previous: [] });
    const sealed = box.seal('hook-secret-0123456789', CONTEXT);
    expect(() => box.open(sealed, CONTEXT.replace('a1', 'a2'))).toThrow(SecretBoxError);
    expect(() => box.open(sealed, CONTEXT.replace('.secret:', '.url:'))).toThrow(SecretBoxError);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join(':'), CONTEXT)).toThrow(/does not open/);
    expect(() => box.open('hook-secret-0123456789', CONTEXT)).toThrow(/not sealed/);
  });

  it('opens what an older key sealed after a rotation, and says which values are stale', () => {
    const before = new SecretBox({ current: keyA, previous: [] });
    const old = before.seal('SECold', CONTEXT);
    const after = new SecretBox({ current: keyB, previous: [keyA] });
    expect(after.open(old, CONTEXT)).toBe('SECold');
    expect(after.isStale(old)).toBe(true);
    const resealed = after.seal(after.open(old, CONTEXT), CONTEXT);
    expect(resealed.startsWith(`enc:v1:${keyB.id}:`)).toBe(true);
    expect(after.isStale(resealed)).toBe(false);
    // Without the old key in the ring, the error names the key id that is missing.
    expect(() => new SecretBox({ current: keyB, previous: [] }).open(old, CONTEXT)).toThrow(
      new RegExp(`sealed with key ${keyA.id}, which is not configured`),
    );
  });

  it('derives a key id from the key and takes only 32-byte keys', () => {
    const k = randomBytes(32);
    expect(keyIdOf(k)).toMatch(/^[0-9a-f]{8}$/);
    expect(keyIdOf(k)).toBe(keyIdOf(Buffer.from(k)));
    expect(keyA.id).not.toBe(keyB.id);
    expect(() => secretKey(Buffer.alloc(16))).toThrow(/32 bytes/);
  });
});
