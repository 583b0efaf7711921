import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export const EXPORT_MAX_ROWS = 100_000;

/** Tickets submitted in [from, to] (dates in Asia/Shanghai, inclusive), oldest first. */
@Injectable()
export class LedgerRowsReader {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  async rows(opts: { from: string; to: string; departmentId?: string; month?: string }): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [opts.from, opts.to];
    let filter = '';
    if (opts.departmentId !== undefined) {
      params.push(opts.departmentId);
      filter += ` AND f.department_id = $${params.length}`;
    }
    return this.ds.query(
      `SELECT f.* FROM ledger.ticket_facts f
       WHERE coalesce(f.submitted_at, f.first_seen_at) >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
         AND coalesce(f.submitted_at, f.first_seen_at) < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')${filter}
       ORDER BY coalesce(f.submitted_at, f.first_seen_at), f.ticket_id LIMIT ${EXPORT_MAX_ROWS}`,
      params,
    );
  }
}
