import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

/** Backlog ages in days (from submission), open ends last. */
export const BACKLOG_BUCKETS = [
  { key: 'le3d', zh: '3天以内', maxDays: 3 },
  { key: '3to7d', zh: '3-7天', maxDays: 7 },
  { key: '7to15d', zh: '7-15天', maxDays: 15 },
  { key: '15to30d', zh: '15-30天', maxDays: 30 },
  { key: 'gt30d', zh: '30天以上', maxDays: null },
] as const;

export interface NowFigures {
  open: number;
  backlog: number;
  yellow: number;
  red: number;
  backlogByAge: { key: string; zh: string; count: number }[];
}

/** Backlog: open and not yet resolved (a resolved ticket waits for the enterprise, not the department). */
const UNRESOLVED = `o.unresolved`;

/**
 * Figures about now (overdue, backlog, ageing) are not in the monthly rollup: they change with the
 * clock. They read only open tickets, through a partial index, so they stay small at any scale.
 */
@Injectable()
export class LiveFiguresReader {
  constructor(private readonly tx: TransactionContext) {}

  async now(departmentId?: string, now = new Date()): Promise<NowFigures> {
    // Bucket edges as instants, compared with `since` directly: no per-row age arithmetic.
    const edges = BACKLOG_BUCKETS.map((b) =>
      b.maxDays === null ? null : new Date(now.getTime() - b.maxDays * 86400_000).toISOString(),
    );
    const params: unknown[] = [...edges.filter((e): e is string => e !== null)];
    const edgeParam = (i: number) => `$${i + 1}::timestamptz`;
    let filter = '';
    if (departmentId !== undefined) {
      params.push(departmentId);
      filter = ` WHERE o.department_id = $${params.length}`;
    }
    const buckets = BACKLOG_BUCKETS.map((b, i) => {
      const conds = [UNRESOLVED];
      if (i > 0) conds.push(`o.since <= ${edgeParam(i - 1)}`);
      if (b.maxDays !== null) conds.push(`o.since > ${edgeParam(i)}`);
      return `count(*) FILTER (WHERE ${conds.join(' AND ')})::int AS "${b.key}"`;
    });
    const [row]: Record<string, number>[] = await this.tx.manager.query(
      `SELECT count(*)::int AS open,
              count(*) FILTER (WHERE ${UNRESOLVED})::int AS backlog,
              count(*) FILTER (WHERE o.alert_level = 'yellow')::int AS yellow,
              count(*) FILTER (WHERE o.alert_level = 'red')::int AS red,
              ${buckets.join(', ')}
       FROM ledger.open_tickets o${filter}`,
      params,
    );
    return {
      open: row.open,
      backlog: row.backlog,
      yellow: row.yellow,
      red: row.red,
      backlogByAge: BACKLOG_BUCKETS.map((b) => ({ key: b.key, zh: b.zh, count: row[b.key] })),
    };
  }

  /** Open tickets with a yellow or red card, red first, oldest first. */
  async overdue(opts: {
    departmentId?: string;
    level?: 'yellow' | 'red';
    limit: number;
  }): Promise<Record<string, unknown>[]> {
    const params: unknown[] = [];
    const conds = [`o.alert_level IS NOT NULL`];
    if (opts.departmentId !== undefined) {
      params.push(opts.departmentId);
      conds.push(`o.department_id = $${params.length}`);
    }
    if (opts.level) {
      params.push(opts.level);
      conds.push(`o.alert_level = $${params.length}`);
    }
    params.push(opts.limit);
    return this.tx.manager.query(
      `SELECT f.ticket_id, f.number, f.title, f.enterprise_id, f.enterprise_name, f.category, f.grid_id, f.department_id, f.status,
              f.alert_level, f.respond_alert, f.resolve_alert, f.reply_alert, f.submitted_at, f.respond_due_at, f.resolve_due_at,
              f.reply_due_at, f.supervise_level
       FROM ledger.open_tickets o JOIN ledger.ticket_facts f ON f.ticket_id = o.ticket_id WHERE ${conds.join(' AND ')}
       ORDER BY (o.alert_level = 'red') DESC, o.since ASC, o.ticket_id LIMIT $${params.length}`,
      params,
    );
  }
}
