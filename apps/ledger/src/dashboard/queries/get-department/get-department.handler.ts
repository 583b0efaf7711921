import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { rates } from '../../../figures/domain/figures';
import { rankDepartments } from '../../../figures/domain/ranking';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { addMonths } from '../../../shared/query-fields';
import { departmentScope } from '../../../shared/scope';
import { ticketView, visibleTo } from '../../../shared/ticket-view';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';
import { GetDepartmentQuery } from './get-department.query';

/** One department's month: its figures by category, its rank, its overdue tickets and six months of trend. */
@QueryHandler(GetDepartmentQuery)
export class GetDepartmentHandler implements IQueryHandler<GetDepartmentQuery> {
  constructor(
    private readonly figures: FiguresReader,
    private readonly live: LiveFiguresReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute({ user, departmentId, month }: GetDepartmentQuery) {
    const dep = departmentScope(user, departmentId)!;
    const w = this.settings.satisfactionWeight;
    const names = await this.names.load();
    const [total] = await this.figures.counters({ fromMonth: month, toMonth: month, departmentId: dep });
    const byCategory = await this.figures.counters(
      { fromMonth: month, toMonth: month, departmentId: dep },
      'category',
    );
    const trend = await this.figures.counters(
      { fromMonth: addMonths(month, -5), toMonth: month, departmentId: dep },
      'month',
    );
    const ranking = rankDepartments(
      await this.figures.counters({ fromMonth: month, toMonth: month }, 'department'),
      names,
      w,
    );
    const overdue = await this.live.overdue({ departmentId: dep, limit: 100 });
    return {
      departmentId: dep,
      name: names.department(dep),
      month,
      counters: total.counters,
      rates: rates(total.counters, w),
      rank: ranking.find((r) => r.departmentId === dep) ?? null,
      departments: ranking.length,
      byCategory: byCategory.map((r) => ({
        category: r.key,
        name: names.category(r.key),
        counters: r.counters,
        rates: rates(r.counters, w),
      })),
      trend: trend.map((r) => ({ month: r.key, counters: r.counters, rates: rates(r.counters, w) })),
      now: await this.live.now(dep),
      overdue: visibleTo(user, overdue).map((r) => ticketView(r, names)),
    };
  }
}
