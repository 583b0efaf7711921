import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { COUNTER_NAMES, COUNTERS, Counters } from '../../../figures/domain/counters';
import { rates } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { addMonths, currentMonth, shanghaiToday } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';

export interface TrendPoint {
  period: string;
  counters: Counters;
  rates: ReturnType<typeof rates>;
}

/** Monday (Asia/Shanghai) of the week a date falls in, YYYY-MM-DD. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - dow * 86400_000).toISOString().slice(0, 10);
}

/**
 * Trends by month read the rollup; by week they are counted from the facts with the same
 * predicates (weeks do not fit the monthly rollup), over the week each ticket was submitted in.
 */
@Injectable()
export class GetTrendsHandler {
  constructor(
    private readonly figures: FiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async trends(user: AuthUser, granularity: 'week' | 'month', periods: number, departmentId?: string): Promise<{ granularity: string; points: TrendPoint[] }> {
    const dep = departmentScope(user, departmentId);
    const w = this.settings.satisfactionWeight;
    if (granularity === 'month') {
      const to = currentMonth();
      const from = addMonths(to, -(periods - 1));
      const rows = new Map((await this.figures.counters({ fromMonth: from, toMonth: to, departmentId: dep }, 'month')).map((r) => [r.key, r.counters]));
      const points: TrendPoint[] = [];
      for (let i = 0; i < periods; i++) {
        const m = addMonths(from, i);
        const c = rows.get(m) ?? (Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters);
        points.push({ period: m, counters: c, rates: rates(c, w) });
      }
      return { granularity, points };
    }
    const lastWeek = weekStart(shanghaiToday());
    const firstWeek = new Date(new Date(`${lastWeek}T00:00:00Z`).getTime() - (periods - 1) * 7 * 86400_000).toISOString().slice(0, 10);
    const params: unknown[] = [firstWeek];
    let depFilterF = '';
    let depFilterA = '';
    if (dep !== undefined) {
      params.push(dep);
      depFilterF = ` AND f.department_id = $2`;
      depFilterA = ` AND a.department_id = $2`;
    }
    const week = `to_char(date_trunc('week', (coalesce(f.submitted_at, f.first_seen_at) AT TIME ZONE 'Asia/Shanghai')), 'YYYY-MM-DD')`;
    const since = `coalesce(f.submitted_at, f.first_seen_at) >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    const cols = (source: 'fact' | 'stint') =>
      COUNTER_NAMES.map((n) => {
        const c = COUNTERS[n];
        const value = 'value' in c ? c.value : '1';
        return c.source === source ? `sum(CASE WHEN ${c.where} THEN ${value} ELSE 0 END)::int AS "${n}"` : `0 AS "${n}"`;
      }).join(', ');
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT period, ${COUNTER_NAMES.map((n) => `sum("${n}")::int AS "${n}"`).join(', ')} FROM (
         SELECT ${week} AS period, ${cols('fact')} FROM ledger.ticket_facts f WHERE ${since}${depFilterF} GROUP BY 1
         UNION ALL
         SELECT ${week} AS period, ${cols('stint')} FROM ledger.ticket_assignments a JOIN ledger.ticket_facts f ON f.ticket_id = a.ticket_id
           WHERE ${since}${depFilterA} GROUP BY 1
       ) x GROUP BY period`,
      params,
    );
    const byWeek = new Map(rows.map((r) => [String(r.period), Object.fromEntries(COUNTER_NAMES.map((n) => [n, Number(r[n])])) as Counters]));
    const points: TrendPoint[] = [];
    for (let i = 0; i < periods; i++) {
      const start = new Date(new Date(`${firstWeek}T00:00:00Z`).getTime() + i * 7 * 86400_000).toISOString().slice(0, 10);
      const c = byWeek.get(start) ?? (Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters);
      points.push({ period: start, counters: c, rates: rates(c, w) });
    }
    return { granularity, points };
  }
}
