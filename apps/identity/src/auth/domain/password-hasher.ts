import { randomBytes, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';
import { availableParallelism } from 'node:os';

/** scrypt cost parameters; stored with every hash so they can be raised without breaking old ones. */
export interface ScryptParams {
  /** log2 of N (CPU/memory cost). */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 15, r: 8, p: 1 };
const KEY_LENGTH = 64;
const SALT_LENGTH = 16;
// A stored hash is data: a tampered one must not make us burn gigabytes of memory.
const LIMITS = { ln: [10, 20], r: [1, 32], p: [1, 16] } as const;

/**
 * scrypt derivations running at once: at most one per core. Each holds 128·N·r bytes while it runs
 * (32 MB at today's parameters); libuv's pool would run four, and a burst of logins then raised
 * the service's memory by four times that, for no speed: more derivations than cores only share
 * them. The others wait their turn, in order.
 */
export const MAX_CONCURRENT_DERIVATIONS = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function atMostOnePerCore<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT_DERIVATIONS) await new Promise<void>((turn) => waiting.push(turn));
  else running++;
  try {
    return await work();
  } finally {
    // The turn passes to the next in line (running stays the same), or the slot frees.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Node's scrypt options for these parameters, with room for the 128·N·r bytes a derivation holds. */
export function scryptOptions(p: ScryptParams): ScryptOptions {
  const N = 2 ** p.ln;
  return { N, r: p.r, p: p.p, maxmem: 256 * N * p.r + 1024 * 1024 };
}

const derive = (password: string, salt: Buffer, keyLength: number, p: ScryptParams): Promise<Buffer> =>
  atMostOnePerCore(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFKC'), salt, keyLength, scryptOptions(p), (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const m = /^scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  for (const k of ['ln', 'r', 'p'] as const) {
    if (params[k] < LIMITS[k][0] || params[k] > LIMITS[k][1]) return null;
  }
  const salt = Buffer.from(m[4], 'base64');
  const key = Buffer.from(m[5], 'base64');
  if (salt.length < 8 || key.length < 32) return null;
  return { params, salt, key };
}

/**
 * Salted scrypt in a self-describing string: `scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64).
 * Comparison is constant-time; the plaintext is never kept or logged.
 */
export class PasswordHasher {
  constructor(private readonly params: ScryptParams = DEFAULT_SCRYPT_PARAMS) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(SALT_LENGTH);
    const key = await derive(password, salt, KEY_LENGTH, this.params);
    const { ln, r, p } = this.params;
    return `scrypt$ln=${ln},r=${r},p=${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /** False for a wrong password and for a malformed stored hash alike. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parse(stored);
    if (!parsed) return false;
    const key = await derive(password, parsed.salt, parsed.key.length, parsed.params);
    return timingSafeEqual(key, parsed.key);
  }

  /** True when the hash was made with weaker parameters than today's: rehash at the next login. */
  needsRehash(stored: string): boolean {
    const parsed = parse(stored);
    if (!parsed) return true;
    return (
      parsed.params.ln < this.params.ln || parsed.params.r < this.params.r || parsed.params.p < this.params.p
    );
  }
}
