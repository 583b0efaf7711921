import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HashedLedgerEntry } from '../../domain/ledger-entry';
import { toEntry } from '../../infrastructure/chain.reader';
import { ListEntriesRequestDto } from './list-entries.request.dto';

export interface LedgerEntryView extends HashedLedgerEntry {
  ticketNumber: string | null;
}

/**
 * The chain itself, newest first, a page at a time (keyset on seq): what the committee reads when
 * it wants to see exactly what was recorded, by whom, when, and how each entry links to the last.
 */
@Injectable()
export class ListEntriesHandler {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  async list(q: ListEntriesRequestDto): Promise<{ items: LedgerEntryView[]; nextCursor: string | null; headSeq: number }> {
    const limit = q.limit ?? 50;
    const params: unknown[] = [];
    const conds: string[] = [];
    if (q.ticketId !== undefined) {
      params.push(q.ticketId);
      conds.push(`e.ticket_id = $${params.length}`);
    }
    if (q.number !== undefined) {
      params.push(q.number);
      conds.push(`e.ticket_id = (SELECT ticket_id FROM ledger.ticket_facts WHERE number = $${params.length} LIMIT 1)`);
    }
    if (q.type !== undefined) {
      params.push(q.type);
      conds.push(`e.type = $${params.length}`);
    }
    if (q.before !== undefined) {
      params.push(q.before);
      conds.push(`e.seq < $${params.length}`);
    }
    params.push(limit + 1);
    const rows: (Parameters<typeof toEntry>[0] & { ticket_number: string | null })[] = await this.ds.query(
      `SELECT e.*, f.number AS ticket_number
       FROM ledger.entries e LEFT JOIN ledger.ticket_facts f ON f.ticket_id = e.ticket_id
       ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''}
       ORDER BY e.seq DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const [head]: { seq: string }[] = await this.ds.query(`SELECT seq FROM ledger.chain_head WHERE id = 1`);
    return {
      items: page.map((r) => ({ ...toEntry(r), ticketNumber: r.ticket_number })),
      nextCursor: rows.length > limit ? String(page[page.length - 1].seq) : null,
      headSeq: Number(head.seq),
    };
  }
}
