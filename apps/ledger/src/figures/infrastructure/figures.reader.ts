import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTER_NAMES, COUNTERS, counterColumn, CounterName, Counters, zeroCounters } from '../domain/counters';

export interface FigureFilter {
  fromMonth: string;
  toMonth: string;
  departmentId?: string;
  category?: string;
  gridId?: string;
}

export type GroupBy = 'none' | 'department' | 'category' | 'grid' | 'month';

const GROUP_COLUMN: Record<Exclude<GroupBy, 'none'>, string> = {
  department: 'department_id',
  category: 'category',
  grid: 'grid_id',
  month: 'month',
};

function where(filter: FigureFilter, alias: string, params: unknown[]): string {
  const parts: string[] = [];
  params.push(filter.fromMonth, filter.toMonth);
  parts.push(`${alias}.month BETWEEN $${params.length - 1} AND $${params.length}`);
  if (filter.departmentId !== undefined) {
    params.push(filter.departmentId);
    parts.push(`${alias}.department_id = $${params.length}`);
  }
  if (filter.category !== undefined) {
    params.push(filter.category);
    parts.push(`${alias}.category = $${params.length}`);
  }
  if (filter.gridId !== undefined) {
    params.push(filter.gridId);
    parts.push(`${alias}.grid_id = $${params.length}`);
  }
  return parts.join(' AND ');
}

export interface ExplainedRow {
  ticketId: string;
  number: string | null;
  title: string | null;
  enterpriseName: string | null;
  departmentId: string;
  stint?: number;
  weight?: number;
  facts: Record<string, unknown>;
}

const EXPLAIN_LIMIT = 2000;

/** Reads the monthly rollup (fast, pre-aggregated) and, to explain a figure, the rows behind it. */
@Injectable()
export class FiguresReader {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  async counters(filter: FigureFilter, groupBy: GroupBy = 'none'): Promise<{ key: string; counters: Counters }[]> {
    const params: unknown[] = [];
    const cols = COUNTER_NAMES.map((n) => `sum(s.${counterColumn(n)})::int AS "${n}"`).join(', ');
    const group = groupBy === 'none' ? `''` : `s.${GROUP_COLUMN[groupBy]}`;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${group} AS key, ${cols} FROM ledger.stats_monthly s WHERE ${where(filter, 's', params)} GROUP BY 1 ORDER BY 1`,
      params,
    );
    const out = rows.map((r) => ({
      key: String(r.key),
      counters: Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(r[n] ?? 0)])) as Counters,
    }));
    if (groupBy === 'none' && !out.length) return [{ key: '', counters: zeroCounters() }];
    return out;
  }

  /** The rows one counter counts, by the very predicate that built the rollup. */
  async rowsOf(counter: CounterName, filter: FigureFilter): Promise<{ count: number; rows: ExplainedRow[]; truncated: boolean }> {
    const def = COUNTERS[counter];
    const params: unknown[] = [];
    const alias = def.source === 'fact' ? 'f' : 'a';
    const filterSql = where(filter, alias, params);
    const from =
      def.source === 'fact'
        ? 'ledger.ticket_facts f'
        : 'ledger.ticket_assignments a JOIN ledger.ticket_facts f ON f.ticket_id = a.ticket_id';
    const select =
      def.source === 'fact'
        ? `f.ticket_id, f.number, f.title, f.enterprise_name, f.department_id, NULL::int AS stint,
           jsonb_build_object('submittedAt', f.submitted_at, 'resolveDueAt', f.resolve_due_at, 'resolvedAt', f.resolved_at,
             'replyDueAt', f.reply_due_at, 'repliedAt', f.replied_at, 'satisfaction', f.satisfaction, 'solved', f.solved,
             'reopenCount', f.reopen_count, 'extensionCount', f.extension_count, 'resolveBreached', f.resolve_breached,
             'replyBreached', f.reply_breached, 'status', f.status) AS facts`
        : `a.ticket_id, f.number, f.title, f.enterprise_name, a.department_id, a.stint,
           jsonb_build_object('assignedAt', a.assigned_at, 'respondDueAt', a.respond_due_at, 'acknowledgedAt', a.acknowledged_at,
             'respondBreached', a.respond_breached, 'endedAt', a.ended_at, 'endedBy', a.ended_by, 'via', a.via) AS facts`;
    const [{ n }]: { n: number }[] = await this.ds.query(`SELECT count(*)::int AS n FROM ${from} WHERE ${def.where} AND ${filterSql}`, params);
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${select} FROM ${from} WHERE ${def.where} AND ${filterSql} ORDER BY ${alias}.ticket_id${def.source === 'stint' ? ', a.stint' : ''} LIMIT ${EXPLAIN_LIMIT}`,
      params,
    );
    return {
      count: n,
      truncated: n > rows.length,
      rows: rows.map((r) => ({
        ticketId: String(r.ticket_id),
        number: (r.number as string) ?? null,
        title: (r.title as string) ?? null,
        enterpriseName: (r.enterprise_name as string) ?? null,
        departmentId: String(r.department_id),
        ...(r.stint !== null ? { stint: Number(r.stint) } : {}),
        facts: r.facts as Record<string, unknown>,
      })),
    };
  }
}
