import { EntityManager } from 'typeorm';
import { HashedLedgerEntry } from '../domain/ledger-entry';

/** A row of ledger.entries as pg returns it (bigint as text, timestamptz as Date). */
export interface EntryRow {
  seq: string;
  event_id: string;
  type: string;
  topic: string;
  event_version: number;
  aggregate_id: string;
  aggregate_version: number;
  correlation_id: string;
  causation_id: string | null;
  ticket_id: string | null;
  department_id: string | null;
  actor_id: string;
  actor_role: string;
  occurred_at: Date;
  recorded_at: Date;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

export const toEntry = (r: EntryRow): HashedLedgerEntry => ({
  seq: Number(r.seq),
  eventId: r.event_id,
  type: r.type,
  topic: r.topic,
  eventVersion: r.event_version,
  aggregateId: r.aggregate_id,
  aggregateVersion: r.aggregate_version,
  correlationId: r.correlation_id,
  causationId: r.causation_id,
  ticketId: r.ticket_id,
  departmentId: r.department_id,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  occurredAt: r.occurred_at.toISOString(),
  recordedAt: r.recorded_at.toISOString(),
  payload: r.payload,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The chain in seq order, a batch at a time (keyset pagination on the primary key). */
export async function* readChain(m: EntityManager, batchSize = 5000): AsyncGenerator<HashedLedgerEntry[]> {
  let after = 0;
  for (;;) {
    const rows: EntryRow[] = await m.query(
      `SELECT * FROM ledger.entries WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, batchSize],
    );
    if (!rows.length) return;
    const batch = rows.map(toEntry);
    yield batch;
    after = batch[batch.length - 1].seq;
  }
}
