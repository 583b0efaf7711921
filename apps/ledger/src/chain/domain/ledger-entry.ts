import { createHash } from 'node:crypto';

/** The genesis link: the prev_hash of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** One appended event as the chain hashes it. Timestamps are ISO-8601 UTC with milliseconds. */
export interface LedgerEntry {
  seq: number;
  eventId: string;
  type: string;
  topic: string;
  eventVersion: number;
  aggregateId: string;
  aggregateVersion: number;
  correlationId: string;
  causationId: string | null;
  ticketId: string | null;
  departmentId: string | null;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
  payload: unknown;
  prevHash: string;
}

export interface HashedLedgerEntry extends LedgerEntry {
  hash: string;
}

/**
 * JSON with object keys sorted at every depth and undefined members dropped: the same value
 * always gives the same text, whatever order PostgreSQL's jsonb hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** sha256 over the canonical entry, its prev_hash included: changing any earlier entry breaks every later link. */
export function entryHash(entry: LedgerEntry): string {
  return createHash('sha256').update(canonicalJson(entry), 'utf8').digest('hex');
}

export function sealHash(seal: {
  sealNo: number;
  lastSeq: number;
  lastHash: string;
  entryCount: number;
  sealedAt: string;
  prevSealHash: string;
}): string {
  return createHash('sha256').update(canonicalJson(seal), 'utf8').digest('hex');
}
