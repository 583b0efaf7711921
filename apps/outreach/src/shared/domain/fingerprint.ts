import { createHash } from 'node:crypto';

/** Canonical JSON (sorted keys, undefined left out), so the same request in another key order is the same. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v instanceof Date
      ? JSON.stringify(v.toISOString())
      : v && typeof v === 'object'
        ? `{${Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
            .join(',')}}`
        : JSON.stringify(v);

/** The fingerprint an idempotency key is held against: same key, other fingerprint, other request. */
export const fingerprint = (request: unknown): string =>
  createHash('sha256').update(canonical(request)).digest('hex');
