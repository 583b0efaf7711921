import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { SearchDirectory, SearchEnterprise } from '../domain/ticket-search-index';

/**
 * ticket.search_enterprises: credit codes and current names, newest wins. Read through the settings
 * cache when tickets are saved (TicketSearchRows); a transaction that writes it reads it fresh.
 */
@Injectable()
export class TypeormSearchDirectory extends SearchDirectory {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async upsert(e: SearchEnterprise, asOf: Date): Promise<boolean> {
    const m = this.tx.writer;
    this.cache.touch(m, 'search_enterprises');
    const [before]: { name: string; credit_code: string }[] = await m.query(
      `SELECT name, credit_code FROM ticket.search_enterprises WHERE id = $1 FOR UPDATE`,
      [e.id],
    );
    const rows: unknown[] = await m.query(
      `INSERT INTO ticket.search_enterprises (id, name, credit_code, source_occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE ticket.search_enterprises.source_occurred_at <= EXCLUDED.source_occurred_at
       RETURNING id`,
      [e.id, e.name, e.creditCode, asOf],
    );
    return rows.length > 0 && (!before || before.name !== e.name || before.credit_code !== e.creditCode);
  }
}
