import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import {
  COUNTER_NAMES,
  COUNTERS,
  counterColumn,
  CounterName,
  Counters,
  zeroCounters,
} from '../domain/counters';

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

/**
 * Reads the monthly rollup (fast, pre-aggregated), counts weeks from the facts, and, to explain a
 * figure, lists the rows behind it.
 */
@Injectable()
export class FiguresReader {
  constructor(private readonly tx: TransactionContext) {}

  async counters(
    filter: FigureFilter,
    groupBy: GroupBy = 'none',
  ): Promise<{ key: string; counters: Counters }[]> {
    const params: unknown[] = [];
    const cols = COUNTER_NAMES.map((n) => `sum(s.${counterColumn(n)})::int AS "${n}"`).join(', ');
    const group = groupBy === 'none' ? `''` : `s.${GROUP_COLUMN[groupBy]}`;
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
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
  async rowsOf(
    counter: CounterName,
    filter: FigureFilter,
  ): Promise<{ count: number; rows: ExplainedRow[]; truncated: boolean }> {
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
             'replyBreached', f.reply_breached, 'status', f.status, 'channel', coalesce(f.channel, 'web'),
             'feedbackVia', f.feedback_via, 'mergedInto', f.merged_into, 'triageDueAt', f.triage_due_at,
             'triageStoppedAt', f.triage_stopped_at, 'triageOutcome', f.triage_outcome) AS facts`
        : `a.ticket_id, f.number, f.title, f.enterprise_name, a.department_id, a.stint,
           jsonb_build_object('assignedAt', a.assigned_at, 'respondDueAt', a.respond_due_at, 'acknowledgedAt', a.acknowledged_at,
             'respondBreached', a.respond_breached, 'endedAt', a.ended_at, 'endedBy', a.ended_by, 'via', a.via) AS facts`;
    const [{ n }]: { n: number }[] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM ${from} WHERE ${def.where} AND ${filterSql}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
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

  /**
   * Counters by week (Monday, Asia/Shanghai) of submission, from `firstWeek` on: weeks do not fit the
   * monthly rollup, so they are counted from the facts with the rollup's own predicates.
   */
  async weekly(firstWeek: string, departmentId?: string): Promise<Map<string, Counters>> {
    const params: unknown[] = [firstWeek];
    let depFilterF = '';
    let depFilterA = '';
    if (departmentId !== undefined) {
      params.push(departmentId);
      depFilterF = ` AND f.department_id = $2`;
      depFilterA = ` AND a.department_id = $2`;
    }
    const week = `to_char(date_trunc('week', (coalesce(f.submitted_at, f.first_seen_at) AT TIME ZONE 'Asia/Shanghai')), 'YYYY-MM-DD')`;
    const since = `coalesce(f.submitted_at, f.first_seen_at) >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const cols = (source: 'fact' | 'stint') =>
      COUNTER_NAMES.map((n) => {
        const c = COUNTERS[n];
        const value = 'value' in c ? c.value : '1';
        return c.source === source
          ? `sum(CASE WHEN ${c.where} THEN ${value} ELSE 0 END)::int AS "${n}"`
          : `0 AS "${n}"`;
      }).join(', ');
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT period, ${COUNTER_NAMES.map((n) => `sum("${n}")::int AS "${n}"`).join(', ')} FROM (
         SELECT ${week} AS period, ${cols('fact')} FROM ledger.ticket_facts f WHERE ${since}${depFilterF} GROUP BY 1
         UNION ALL
         SELECT ${week} AS period, ${cols('stint')} FROM ledger.ticket_assignments a JOIN ledger.ticket_facts f ON f.ticket_id = a.ticket_id
           WHERE ${since}${depFilterA} GROUP BY 1
       ) x GROUP BY period`,
      params,
    );
    return new Map(
      rows.map((r) => [
        String(r.period),
        Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(r[n])])) as Counters,
      ]),
    );
  }

  /**
   * A department's tickets by handler (承办人, the latest named), counted from the facts with the
   * rollup's own predicates. Counters of lead periods (response, transfers) have no handler: 0 here.
   */
  async byHandler(
    filter: FigureFilter & { departmentId: string },
  ): Promise<{ handlerUserId: string; handlerName: string | null; counters: Counters }[]> {
    const params: unknown[] = [];
    const cols = COUNTER_NAMES.map((n) => {
      const c = COUNTERS[n];
      const value = 'value' in c ? c.value : '1';
      return c.source === 'fact'
        ? `sum(CASE WHEN ${c.where} THEN ${value} ELSE 0 END)::int AS "${n}"`
        : `0 AS "${n}"`;
    }).join(', ');
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT coalesce(f.handler_user_id, '') AS handler, max(f.handler_name) AS handler_name, ${cols}
       FROM ledger.ticket_facts f WHERE ${where(filter, 'f', params)} GROUP BY 1 ORDER BY 1`,
      params,
    );
    return rows.map((r) => ({
      handlerUserId: String(r.handler),
      handlerName: (r.handler_name as string | null) ?? null,
      counters: Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(r[n] ?? 0)])) as Counters,
    }));
  }
}
