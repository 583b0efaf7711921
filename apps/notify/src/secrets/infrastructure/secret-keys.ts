import { StartupError } from '@ticketing/platform';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NotifyEnv } from '../../notify.env';
import { secretKey, SecretKeyRing } from '../domain/secret-box';

const decode = (text: string, name: string): Buffer => {
  const key = Buffer.from(text.trim().replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== 32)
    throw new StartupError(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return key;
};

/** The generated key, kept beside the JWT secret when none is configured; made once, never overwritten. */
function generatedKey(dataDir: string): Buffer {
  const dir = resolve(dataDir);
  const file = join(dir, 'notify-secret-key');
  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return decode(readFileSync(file, 'utf8'), file);
}

/**
 * The key ring that seals notify's stored secrets: NOTIFY_SECRET_KEY (required in production, as
 * JWT_SECRET is) or a key generated into DATA_DIR, and the retired NOTIFY_SECRET_KEYS_PREVIOUS.
 * The keys themselves are never logged.
 */
export function resolveSecretKeyRing(env: NotifyEnv): SecretKeyRing {
  let current: Buffer;
  if (env.NOTIFY_SECRET_KEY) current = decode(env.NOTIFY_SECRET_KEY, 'NOTIFY_SECRET_KEY');
  else if (env.NODE_ENV === 'production')
    throw new StartupError(
      'NOTIFY_SECRET_KEY must be set in production (32 bytes in base64, the same for every notify instance)',
    );
  else current = generatedKey(env.DATA_DIR);
  const ring = secretKey(current);
  const previous = (env.NOTIFY_SECRET_KEYS_PREVIOUS ?? [])
    .map((k) => secretKey(decode(k, 'NOTIFY_SECRET_KEYS_PREVIOUS')))
    .filter((k) => k.id !== ring.id);
  return { current: ring, previous };
}
