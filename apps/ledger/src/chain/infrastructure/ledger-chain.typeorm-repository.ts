import { Injectable } from '@nestjs/common';
import { statementBehind, TransactionContext } from '@ticketing/database';
import { counter } from '@ticketing/observability';
import { EntityManager } from 'typeorm';
import { LEDGER_WRITER_ROLE } from '../../migrations/1763942400000-ledger-schema';
import { ChainHead, LedgerChain, Seal } from '../domain/ledger-chain.aggregate';
import { LedgerChainRepository } from '../domain/ledger-chain.repository';
import { HashedLedgerEntry } from '../domain/ledger-entry';
import { readChain } from './entry-row';

export const LEDGER_NOTIFY_CHANNEL = 'ledger_appended';

const appended = counter('ledger_entries_appended_total', 'Entries appended to the ledger', ['topic']);

const ENTRY_COLUMNS = `seq, event_id, type, topic, event_version, aggregate_id, aggregate_version, correlation_id,
  causation_id, ticket_id, department_id, actor_id, actor_role, occurred_at, recorded_at, payload, prev_hash, hash`;

/** The live stream's notice for an entry (live/infrastructure/ledger-stream.ts reads exactly these fields). */
const notice = (e: HashedLedgerEntry): string =>
  JSON.stringify({
    seq: e.seq,
    type: e.type,
    topic: e.topic,
    ticketId: e.ticketId,
    departmentId: e.departmentId,
    occurredAt: e.occurredAt,
  });

/**
 * The chain in PostgreSQL. The head row is locked FOR UPDATE first, so appends from every consumer
 * lane and every instance form one line. A chunk's entries go in with ONE statement and the seal
 * with another, both as ledger_writer (SELECT/INSERT only), so that the service's own connection
 * cannot rewrite them; then one head update and one NOTIFY per entry.
 */
@Injectable()
export class TypeormLedgerChainRepository extends LedgerChainRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lockForAppend(eventIds: readonly string[]): Promise<LedgerChain> {
    const [head]: { seq: string; hash: string; known: string[] }[] = await this.tx.writer.query(
      `SELECT h.seq, h.hash, ARRAY(SELECT e.event_id::text FROM ledger.entries e WHERE e.event_id = ANY($1::uuid[])) AS known
       FROM ledger.chain_head h WHERE h.id = 1 FOR UPDATE OF h`,
      [eventIds],
    );
    return LedgerChain.forAppend({ seq: Number(head.seq), hash: head.hash }, head.known);
  }

  async lockForSeal(day: string): Promise<LedgerChain> {
    const m = this.tx.writer;
    const head = await this.lockHead();
    const today: unknown[] = await m.query(
      `SELECT 1 FROM ledger.seals WHERE reason = 'daily' AND sealed_on = $1`,
      [day],
    );
    const [last]: { seal_no: string; seal_hash: string }[] = await m.query(
      `SELECT seal_no, seal_hash FROM ledger.seals ORDER BY seal_no DESC LIMIT 1`,
    );
    const [{ n }]: { n: string }[] = await m.query(
      `SELECT count(*) AS n FROM ledger.entries WHERE seq <= $1`,
      [head.seq],
    );
    return LedgerChain.forSeal(head, {
      day,
      sealedToday: today.length > 0,
      lastSeal: last ? { sealNo: Number(last.seal_no), sealHash: last.seal_hash } : null,
      entryCount: Number(n),
    });
  }

  async lockHead(): Promise<ChainHead> {
    const [head]: { seq: string; hash: string }[] = await this.tx.writer.query(
      `SELECT seq, hash FROM ledger.chain_head WHERE id = 1 FOR UPDATE`,
    );
    return { seq: Number(head.seq), hash: head.hash };
  }

  async save(chain: LedgerChain): Promise<void> {
    const m = this.tx.writer;
    if (chain.appended.length) await this.insertEntries(m, chain.appended);
    if (chain.sealed) await this.insertSeal(m, chain.sealed);
  }

  entries(batchSize = 5000): AsyncIterable<HashedLedgerEntry[]> {
    return readChain(this.tx.writer, batchSize);
  }

  /**
   * The chain's writes and the role switches around them: nothing the transaction reads back in
   * code, so each is sent behind and leaves with the next statement or the COMMIT (ADR 0023).
   * PostgreSQL runs them in order, so the role holds for the inserts between its switches, and a
   * failed insert fails the COMMIT.
   */
  private async insertEntries(m: EntityManager, entries: readonly HashedLedgerEntry[]): Promise<void> {
    const column = <K extends keyof HashedLedgerEntry>(k: K) => entries.map((e) => e[k]);
    await statementBehind(m, `SET LOCAL ROLE ${LEDGER_WRITER_ROLE}`);
    await statementBehind(
      m,
      `INSERT INTO ledger.entries (${ENTRY_COLUMNS})
       SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[], $9::text[],
         $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[], $16::jsonb[], $17::text[], $18::text[])`,
      [
        column('seq'),
        column('eventId'),
        column('type'),
        column('topic'),
        column('eventVersion'),
        column('aggregateId'),
        column('aggregateVersion'),
        column('correlationId'),
        column('causationId'),
        column('ticketId'),
        column('departmentId'),
        column('actorId'),
        column('actorRole'),
        column('occurredAt'),
        column('recordedAt'),
        entries.map((e) => JSON.stringify(e.payload)),
        column('prevHash'),
        column('hash'),
      ],
    );
    await statementBehind(m, `SET LOCAL ROLE NONE`);
    const last = entries[entries.length - 1];
    // The NOTIFYs are delivered on commit only, in this order: live dashboards never see an entry
    // that was rolled back. unnest (a function scan, no sort) yields the notices in array order.
    await statementBehind(
      m,
      `WITH head AS (UPDATE ledger.chain_head SET seq = $1, hash = $2 WHERE id = 1 RETURNING 1)
       SELECT pg_notify($3, n) FROM head, unnest($4::text[]) AS n`,
      [last.seq, last.hash, LEDGER_NOTIFY_CHANNEL, entries.map(notice)],
    );
    for (const e of entries) appended.inc({ topic: e.topic });
  }

  private async insertSeal(m: EntityManager, seal: Seal): Promise<void> {
    await statementBehind(m, `SET LOCAL ROLE ${LEDGER_WRITER_ROLE}`);
    await statementBehind(
      m,
      `INSERT INTO ledger.seals (seal_no, reason, sealed_on, sealed_at, last_seq, last_hash, entry_count, prev_seal_hash, seal_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        seal.sealNo,
        seal.reason,
        seal.sealedOn,
        seal.sealedAt,
        seal.lastSeq,
        seal.lastHash,
        seal.entryCount,
        seal.prevSealHash,
        seal.sealHash,
      ],
    );
    await statementBehind(m, `SET LOCAL ROLE NONE`);
  }
}
