import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { COUNTER_NAMES, Counters } from '../../../figures/domain/counters';
import { rates } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { addMonths, currentMonth, shanghaiToday } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';
import { GetTrendsQuery } from './get-trends.query';

export interface TrendPoint {
  period: string;
  counters: Counters;
  rates: ReturnType<typeof rates>;
}

export interface Trends {
  granularity: string;
  points: TrendPoint[];
}

/** Monday (Asia/Shanghai) of the week a date falls in, YYYY-MM-DD. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - dow * 86400_000).toISOString().slice(0, 10);
}

const none = (): Counters => Object.fromEntries(COUNTER_NAMES.map((n) => [n, 0])) as Counters;

/**
 * Trends by month read the rollup; by week they are counted from the facts with the same
 * predicates (weeks do not fit the monthly rollup), over the week each ticket was submitted in.
 */
@QueryHandler(GetTrendsQuery)
export class GetTrendsHandler implements IQueryHandler<GetTrendsQuery, Trends> {
  constructor(
    private readonly figures: FiguresReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute({ user, granularity, periods, departmentId }: GetTrendsQuery): Promise<Trends> {
    const dep = departmentScope(user, departmentId);
    const w = this.settings.satisfactionWeight;
    if (granularity === 'month') {
      const to = currentMonth();
      const from = addMonths(to, -(periods - 1));
      const rows = new Map(
        (await this.figures.counters({ fromMonth: from, toMonth: to, departmentId: dep }, 'month')).map(
          (r) => [r.key, r.counters],
        ),
      );
      const points: TrendPoint[] = [];
      for (let i = 0; i < periods; i++) {
        const m = addMonths(from, i);
        const c = rows.get(m) ?? none();
        points.push({ period: m, counters: c, rates: rates(c, w) });
      }
      return { granularity, points };
    }
    const lastWeek = weekStart(shanghaiToday());
    const firstWeek = new Date(new Date(`${lastWeek}T00:00:00Z`).getTime() - (periods - 1) * 7 * 86400_000)
      .toISOString()
      .slice(0, 10);
    const byWeek = await this.figures.weekly(firstWeek, dep);
    const points: TrendPoint[] = [];
    for (let i = 0; i < periods; i++) {
      const start = new Date(new Date(`${firstWeek}T00:00:00Z`).getTime() + i * 7 * 86400_000)
        .toISOString()
        .slice(0, 10);
      const c = byWeek.get(start) ?? none();
      points.push({ period: start, counters: c, rates: rates(c, w) });
    }
    return { granularity, points };
  }
}
