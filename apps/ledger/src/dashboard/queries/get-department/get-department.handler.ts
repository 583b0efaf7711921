import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { rates } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { rankDepartments } from '../../../figures/queries/get-ranking/get-ranking.handler';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { loadNames } from '../../../shared/names';
import { addMonths } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';
import { ticketView } from '../../../shared/ticket-view';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';

/** One department's month: its figures by category, its rank, its overdue tickets and six months of trend. */
@Injectable()
export class GetDepartmentHandler {
  constructor(
    private readonly figures: FiguresReader,
    private readonly live: LiveFiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async department(user: AuthUser, departmentId: string, month: string) {
    const dep = departmentScope(user, departmentId)!;
    const w = this.settings.satisfactionWeight;
    const names = await loadNames(this.ds.manager);
    const [total] = await this.figures.counters({ fromMonth: month, toMonth: month, departmentId: dep });
    const byCategory = await this.figures.counters({ fromMonth: month, toMonth: month, departmentId: dep }, 'category');
    const trend = await this.figures.counters({ fromMonth: addMonths(month, -5), toMonth: month, departmentId: dep }, 'month');
    const ranking = rankDepartments(await this.figures.counters({ fromMonth: month, toMonth: month }, 'department'), names, w);
    const overdue = await this.live.overdue({ departmentId: dep, limit: 100 });
    return {
      departmentId: dep,
      name: names.department(dep),
      month,
      counters: total.counters,
      rates: rates(total.counters, w),
      rank: ranking.find((r) => r.departmentId === dep) ?? null,
      departments: ranking.length,
      byCategory: byCategory.map((r) => ({ category: r.key, name: names.category(r.key), counters: r.counters, rates: rates(r.counters, w) })),
      trend: trend.map((r) => ({ month: r.key, counters: r.counters, rates: rates(r.counters, w) })),
      now: await this.live.now(dep),
      overdue: overdue.map((r) => ticketView(r, names)),
    };
  }
}
