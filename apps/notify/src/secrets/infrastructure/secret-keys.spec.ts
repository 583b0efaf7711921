import { loadConfig } from '@ticketing/config';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotifyEnv } from '../../notify.env';
import { keyIdOf } from '../domain/secret-box';
import { resolveSecretKeyRing } from './secret-keys';

const KEY_A = Buffer.alloc(32, 0xa1).toString('base64');
const KEY_B = Buffer.alloc(32, 0xb2).toString('base64url');

describe('resolveSecretKeyRing', () => {
  it('takes NOTIFY_SECRET_KEY, and the retired keys that still open old values', () => {
    const ring = resolveSecretKeyRing(
      loadConfig(NotifyEnv, { NOTIFY_SECRET_KEY: KEY_B, NOTIFY_SECRET_KEYS_PREVIOUS: `${KEY_A}, ${KEY_B}` }),
    );
    expect(ring.current.id).toBe(keyIdOf(Buffer.alloc(32, 0xb2)));
    expect(ring.previous.map((k) => k.id)).toEqual([keyIdOf(Buffer.alloc(32, 0xa1))]);
  });

  it('generates a key into DATA_DIR once, readable by its owner only, and keeps it across starts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'notify-keys-'));
    const first = resolveSecretKeyRing(loadConfig(NotifyEnv, { DATA_DIR: dir }));
    const second = resolveSecretKeyRing(loadConfig(NotifyEnv, { DATA_DIR: dir }));
    expect(second.current.id).toBe(first.current.id);
    const file = join(dir, 'notify-secret-key');
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('requires the key in production, and refuses one that is not 32 bytes of base64', () => {
    expect(() => resolveSecretKeyRing(loadConfig(NotifyEnv, { NODE_ENV: 'production' }))).toThrow(
      /NOTIFY_SECRET_KEY must be set in production/,
    );
    expect(() => loadConfig(NotifyEnv, { NOTIFY_SECRET_KEY: 'short' })).toThrow(
      /NOTIFY_SECRET_KEY must be 32 bytes/,
    );
    expect(() => loadConfig(NotifyEnv, { NOTIFY_SECRET_KEYS_PREVIOUS: `${KEY_A},nope` })).toThrow(
      /NOTIFY_SECRET_KEYS_PREVIOUS/,
    );
  });
});
