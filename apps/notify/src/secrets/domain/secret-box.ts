import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** One AES-256 key and the id stored beside what it sealed. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The key that seals now, and retired keys that still open what they sealed before a rotation. */
export interface SecretKeyRing {
  current: SecretKey;
  previous: SecretKey[];
}

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key's id: the first 8 hex digits of its SHA-256, so nobody has to name keys and an id never reveals one. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function secretKey(key: Buffer): SecretKey {
  if (key.length !== 32) throw new Error(`an AES-256 key has 32 bytes, not ${key.length}`);
  return { id: keyIdOf(key), key };
}

export class SecretBoxError extends Error {}

/**
 * Seals the secrets a subscription holds (robot keys and signing secrets, webhook secrets, SMS
 * keys) for the database: AES-256-GCM, a fresh 96-bit nonce each time, and the row and column as
 * additional data, so a sealed value copied into another row or column does not open.
 * `enc:v1:<key id>:<nonce>:<ciphertext and tag>` (base64url): the key id says which key of the
 * ring opens it, so a rotation leaves every stored value readable.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  constructor(private readonly ring: SecretKeyRing) {
    this.keys = new Map([ring.current, ...ring.previous].map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.ring.current.id;
  }

  static isSealed(value: string): boolean {
    return value.startsWith(PREFIX);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.ring.current.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${PREFIX}${this.ring.current.id}:${iv.toString('base64url')}:${sealed.toString('base64url')}`;
  }

  open(value: string, context: string): string {
    if (!SecretBox.isSealed(value)) throw new SecretBoxError('the stored value is not sealed');
    const [keyId, iv64, sealed64, extra] = value.slice(PREFIX.length).split(':');
    const key = this.keys.get(keyId);
    if (!key)
      throw new SecretBoxError(
        `the stored value was sealed with key ${keyId}, which is not configured (NOTIFY_SECRET_KEY / NOTIFY_SECRET_KEYS_PREVIOUS)`,
      );
    const iv = Buffer.from(iv64 ?? '', 'base64url');
    const sealed = Buffer.from(sealed64 ?? '', 'base64url');
    if (extra !== undefined || iv.length !== IV_BYTES || sealed.length < TAG_BYTES)
      throw new SecretBoxError('the stored value is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretBoxError(`the stored value does not open with key ${keyId} for ${context}`);
    }
  }

  /** Whether a sealed value was sealed with an older key (a rotation rewraps it). */
  isStale(value: string): boolean {
    return SecretBox.isSealed(value) && !value.startsWith(`${PREFIX}${this.ring.current.id}:`);
  }

  /** Null stays null: a column without a secret. */
  sealNullable(plain: string | null, context: string): string | null {
    return plain === null ? null : this.seal(plain, context);
  }

  openNullable(value: string | null, context: string): string | null {
    return value === null ? null : this.open(value, context);
  }
}
