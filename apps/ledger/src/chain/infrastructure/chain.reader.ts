import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Page, toPage } from '@ticketing/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ChainVerifier, SealRecord, VerifyReport } from '../domain/chain-verifier';
import { Seal, SealReason } from '../domain/ledger-chain.aggregate';
import { HashedLedgerEntry } from '../domain/ledger-entry';
import { EntryRow, readChain, toEntry } from './entry-row';

export interface LedgerEntryView extends HashedLedgerEntry {
  ticketNumber: string | null;
}

export interface EntryFilter {
  ticketId?: string;
  number?: string;
  type?: string;
  before?: number;
  limit: number;
}

export type VerifiedReport = VerifyReport & { verifiedAt: string };

async function readSeals(m: EntityManager): Promise<SealRecord[]> {
  const rows: {
    seal_no: string;
    sealed_at: Date;
    last_seq: string;
    last_hash: string;
    entry_count: string;
    prev_seal_hash: string;
    seal_hash: string;
  }[] = await m.query(`SELECT * FROM ledger.seals ORDER BY seal_no`);
  return rows.map((r) => ({
    sealNo: Number(r.seal_no),
    sealedAt: r.sealed_at.toISOString(),
    lastSeq: Number(r.last_seq),
    lastHash: r.last_hash,
    entryCount: Number(r.entry_count),
    prevSealHash: r.prev_seal_hash,
    sealHash: r.seal_hash,
  }));
}

async function readHead(m: EntityManager): Promise<{ seq: number; hash: string }> {
  const [row]: { seq: string; hash: string }[] = await m.query(
    `SELECT seq, hash FROM ledger.chain_head WHERE id = 1`,
  );
  return { seq: Number(row.seq), hash: row.hash };
}

/**
 * Recomputes the whole chain from the rows as they are now, in one consistent snapshot, a batch at
 * a time. Also what `ledger:verify` and bench/ledger run.
 */
export function verifyChain(ds: DataSource): Promise<VerifiedReport> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    const head = await readHead(m);
    const verifier = new ChainVerifier(await readSeals(m));
    for await (const batch of readChain(m)) {
      if (!verifier.feed(batch)) break;
    }
    return { ...verifier.finish(head), verifiedAt: new Date().toISOString() };
  });
}

/** The chain as the committee reads it: the entries themselves, the seals, and the verification. */
@Injectable()
export class ChainReader {
  constructor(private readonly tx: TransactionContext) {}

  verify(): Promise<VerifiedReport> {
    return verifyChain(this.tx.dataSource);
  }

  /** Newest first, a page at a time (keyset on seq), with the ticket's number where the ledger knows it. */
  async entries(q: EntryFilter): Promise<Page<LedgerEntryView> & { headSeq: number }> {
    const params: unknown[] = [];
    const conds: string[] = [];
    if (q.ticketId !== undefined) {
      params.push(q.ticketId);
      conds.push(`e.ticket_id = $${params.length}`);
    }
    if (q.number !== undefined) {
      params.push(q.number);
      conds.push(
        `e.ticket_id = (SELECT ticket_id FROM ledger.ticket_facts WHERE number = $${params.length} LIMIT 1)`,
      );
    }
    if (q.type !== undefined) {
      params.push(q.type);
      conds.push(`e.type = $${params.length}`);
    }
    if (q.before !== undefined) {
      params.push(q.before);
      conds.push(`e.seq < $${params.length}`);
    }
    params.push(q.limit + 1);
    const m = this.tx.manager;
    const rows: (EntryRow & { ticket_number: string | null })[] = await m.query(
      `SELECT e.*, f.number AS ticket_number
       FROM ledger.entries e LEFT JOIN ledger.ticket_facts f ON f.ticket_id = e.ticket_id
       ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    );
    const head = await readHead(m);
    const page = toPage(
      rows,
      q.limit,
      (r): LedgerEntryView => ({ ...toEntry(r), ticketNumber: r.ticket_number }),
      (r) => String(r.seq),
    );
    return { ...page, headSeq: head.seq };
  }

  /** The latest seals, newest first. */
  async seals(limit: number): Promise<Seal[]> {
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT s.*, s.sealed_on::text AS sealed_on FROM ledger.seals s ORDER BY seal_no DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      sealNo: Number(r.seal_no),
      reason: r.reason as SealReason,
      sealedOn: String(r.sealed_on),
      sealedAt: (r.sealed_at as Date).toISOString(),
      lastSeq: Number(r.last_seq),
      lastHash: String(r.last_hash),
      entryCount: Number(r.entry_count),
      prevSealHash: String(r.prev_seal_hash),
      sealHash: String(r.seal_hash),
    }));
  }
}
