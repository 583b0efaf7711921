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

/**
 * Appends one event to the chain. The chain head row is locked FOR UPDATE first, so appends from
 * every consumer lane and every instance form one line; the entry itself is inserted as
 * ledger_writer (SELECT/INSERT only) so that the service's own connection cannot rewrite it.
 */
@Injectable()
export class LedgerAppender {
  async append(manager: EntityManager, topic: string, event: EventEnvelope<Record<string, unknown>>): Promise<HashedLedgerEntry | null> {
    const [head]: { seq: string; hash: string; known: boolean }[] = await manager.query(
      `SELECT h.seq, h.hash, EXISTS (SELECT 1 FROM ledger.entries e WHERE e.event_id = $1) AS known
       FROM ledger.chain_head h WHERE h.id = 1 FOR UPDATE OF h`,
      [event.id],
    );
    if (head.known) return null;
    const { ticketId, departmentId } = subjectOf(topic, event);
    const entry: LedgerEntry = {
      seq: Number(head.seq) + 1,
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
      recordedAt: new Date().toISOString(),
      payload: event.payload ?? {},
      prevHash: head.hash,
    };
    const hashed: HashedLedgerEntry = { ...entry, hash: entryHash(entry) };
    await manager.query(`SET LOCAL ROLE ${LEDGER_WRITER_ROLE}`);
    await manager.query(
      `INSERT INTO ledger.entries (seq, event_id, type, topic, event_version, aggregate_id, aggregate_version, correlation_id,
         causation_id, ticket_id, department_id, actor_id, actor_role, occurred_at, recorded_at, payload, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18)`,
      [
        hashed.seq, hashed.eventId, hashed.type, hashed.topic, hashed.eventVersion, hashed.aggregateId, hashed.aggregateVersion,
        hashed.correlationId, hashed.causationId, hashed.ticketId, hashed.departmentId, hashed.actorId, hashed.actorRole,
        hashed.occurredAt, hashed.recordedAt, JSON.stringify(hashed.payload), hashed.prevHash, hashed.hash,
      ],
    );
    await manager.query(`SET LOCAL ROLE NONE`);
    // The NOTIFY is delivered on commit only: live dashboards never see an entry that was rolled back.
    await manager.query(`UPDATE ledger.chain_head SET seq = $1, hash = $2 WHERE id = 1 RETURNING pg_notify($3, $4)`, [
      hashed.seq,
      hashed.hash,
      LEDGER_NOTIFY_CHANNEL,
      JSON.stringify({ seq: hashed.seq, type: hashed.type, topic, ticketId, departmentId, occurredAt: hashed.occurredAt }),
    ]);
    appended.inc({ topic });
    return hashed;
  }
}
