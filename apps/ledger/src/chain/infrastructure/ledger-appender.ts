import { Injectable } from '@nestjs/common';
import { EventEnvelope, Topics } from '@ticketing/contracts';
import { counter } from '@ticketing/observability';
import { EntityManager } from 'typeorm';
import { LEDGER_WRITER_ROLE } from '../../migrations/1763942400000-ledger-schema';
import { entryHash, HashedLedgerEntry, LedgerEntry } from '../domain/ledger-entry';

export const LEDGER_NOTIFY_CHANNEL = 'ledger_appended';

const appended = counter('ledger_entries_appended_total', 'Entries appended to the ledger', ['topic']);

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Which ticket and which department an event is about, by the contracts' payload fields. */
export function subjectOf(topic: string, event: EventEnvelope<Record<string, unknown>>): { ticketId: string | null; departmentId: string | null } {
  const p = event.payload ?? {};
  if (topic === Topics.Directory) {
    return { ticketId: null, departmentId: event.type === 'directory.department-upserted' ? text(p.id) : text(p.departmentId) };
  }
  return {
    ticketId: text(p.ticketId) ?? event.aggregateId,
    departmentId: text(p.departmentId) ?? text(p.leadDepartmentId) ?? text(p.fromDepartmentId),
  };
}

export interface AppendItem {
  topic: string;
  event: EventEnvelope<Record<string, unknown>>;
}

const ENTRY_COLUMNS = `seq, event_id, type, topic, event_version, aggregate_id, aggregate_version, correlation_id,
  causation_id, ticket_id, department_id, actor_id, actor_role, occurred_at, recorded_at, payload, prev_hash, hash`;

/** The live stream's notice for an entry (apps/ledger/src/live reads exactly these fields). */
const notice = (e: HashedLedgerEntry): string =>
  JSON.stringify({ seq: e.seq, type: e.type, topic: e.topic, ticketId: e.ticketId, departmentId: e.departmentId, occurredAt: e.occurredAt });

/**
 * Appends events to the chain, a whole chunk under one lock. The chain head row is locked FOR
 * UPDATE first, so appends from every consumer lane and every instance form one line; the
 * entries' seq and hashes are computed here in order, each linked to the one before, and inserted
 * with ONE statement as ledger_writer (SELECT/INSERT only), so that the service's own connection
 * cannot rewrite them; then one head update and one NOTIFY per entry.
 */
@Injectable()
export class LedgerAppender {
  /** The entries appended, in order; events already in the chain (or repeated) are skipped. */
  async appendMany(manager: EntityManager, items: AppendItem[]): Promise<HashedLedgerEntry[]> {
    if (!items.length) return [];
    const [head]: { seq: string; hash: string; known: string[] }[] = await manager.query(
      `SELECT h.seq, h.hash, ARRAY(SELECT e.event_id::text FROM ledger.entries e WHERE e.event_id = ANY($1::uuid[])) AS known
       FROM ledger.chain_head h WHERE h.id = 1 FOR UPDATE OF h`,
      [items.map((i) => i.event.id)],
    );
    const skip = new Set(head.known);
    let seq = Number(head.seq);
    let prevHash = head.hash;
    const recordedAt = new Date().toISOString();
    const entries: HashedLedgerEntry[] = [];
    for (const { topic, event } of items) {
      const id = event.id.toLowerCase(); // as the uuid column gives it back
      if (skip.has(id)) continue;
      skip.add(id);
      const { ticketId, departmentId } = subjectOf(topic, event);
      const entry: LedgerEntry = {
        seq: ++seq,
        eventId: event.id,
        type: event.type,
        topic,
        eventVersion: event.version,
        aggregateId: event.aggregateId,
        aggregateVersion: event.aggregateVersion,
        correlationId: event.correlationId,
        causationId: event.causationId ?? null,
        ticketId,
        departmentId,
        actorId: event.actor.id,
        actorRole: event.actor.role,
        occurredAt: new Date(event.occurredAt).toISOString(),
        recordedAt,
        payload: event.payload ?? {},
        prevHash,
      };
      const hashed: HashedLedgerEntry = { ...entry, hash: entryHash(entry) };
      prevHash = hashed.hash;
      entries.push(hashed);
    }
    if (!entries.length) return [];
    const column = <K extends keyof HashedLedgerEntry>(k: K) => entries.map((e) => e[k]);
    await manager.query(`SET LOCAL ROLE ${LEDGER_WRITER_ROLE}`);
    await manager.query(
      `INSERT INTO ledger.entries (${ENTRY_COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[], $16::jsonb[], $17::text[], $18::text[])`,
      [
        column('seq'), column('eventId'), column('type'), column('topic'), column('eventVersion'), column('aggregateId'),
        column('aggregateVersion'), column('correlationId'), column('causationId'), column('ticketId'), column('departmentId'),
        column('actorId'), column('actorRole'), column('occurredAt'), column('recordedAt'),
        entries.map((e) => JSON.stringify(e.payload)), column('prevHash'), column('hash'),
      ],
    );
    await manager.query(`SET LOCAL ROLE NONE`);
    const last = entries[entries.length - 1];
    // The NOTIFYs are delivered on commit only, in this order: live dashboards never see an entry
    // that was rolled back. unnest (a function scan, no sort) yields the notices in array order.
    await manager.query(
      `WITH head AS (UPDATE ledger.chain_head SET seq = $1, hash = $2 WHERE id = 1 RETURNING 1)
       SELECT pg_notify($3, n) FROM head, unnest($4::text[]) AS n`,
      [last.seq, last.hash, LEDGER_NOTIFY_CHANNEL, entries.map(notice)],
    );
    for (const e of entries) appended.inc({ topic: e.topic });
    return entries;
  }
}
