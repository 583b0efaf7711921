import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

export const EXPORT_MAX_ROWS = 100_000;

/** Tickets submitted in [from, to] (dates in Asia/Shanghai, inclusive), oldest first. */
@Injectable()
export class LedgerRowsReader {
  constructor(private readonly tx: TransactionContext) {}

  async rows(opts: {
    from: string;
    to: string;
    departmentId?: string;
    month?: string;
  }): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [opts.from, opts.to];
    let filter = '';
    if (opts.departmentId !== undefined) {
      params.push(opts.departmentId);
      filter += ` AND f.department_id = $${params.length}`;
    }
    return this.tx.manager.query(
      `SELECT f.*, (SELECT m.number FROM ledger.ticket_facts m WHERE m.ticket_id = f.merged_into) AS merged_into_number
       FROM ledger.ticket_facts f
       WHERE coalesce(f.submitted_at, f.first_seen_at) >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         AND coalesce(f.submitted_at, f.first_seen_at) < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')${filter}
       ORDER BY coalesce(f.submitted_at, f.first_seen_at), f.ticket_id LIMIT ${EXPORT_MAX_ROWS}`,
      params,
    );
  }
}
