import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { COUNTER_NAMES, Counters, zeroCounters } from '../../../figures/domain/counters';
import { rate, rates, TRIAGE_RATE } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { rankDepartments } from '../../../figures/domain/ranking';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';
import { MeetingFiguresReader } from '../../infrastructure/meeting-figures.reader';
import { GetOverviewQuery } from './get-overview.query';

const sum = (rows: { counters: Counters }[]): Counters => {
  const total = zeroCounters();
  for (const r of rows) for (const n of COUNTER_NAMES) total[n] += r.counters[n];
  return total;
};

/**
 * The committee's front page for a month: totals and rates, today's overdue cards and backlog,
 * the committee's own triage timeliness, the month's joint meetings, and the department ranking.
 * Indexed reads: the month's rollup rows, the open tickets, the month's meetings and decisions.
 */
@QueryHandler(GetOverviewQuery)
export class GetOverviewHandler implements IQueryHandler<GetOverviewQuery> {
  constructor(
    private readonly figures: FiguresReader,
    private readonly live: LiveFiguresReader,
    private readonly names: NamesReader,
    private readonly meetings: MeetingFiguresReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute({ month }: GetOverviewQuery) {
    const [byDepartment, now, names, meetings] = await Promise.all([
      this.figures.counters({ fromMonth: month, toMonth: month }, 'department'),
      this.live.now(),
      this.names.load(),
      this.meetings.counts([month]),
    ]);
    const totals = sum(byDepartment);
    const w = this.settings.satisfactionWeight;
    return {
      month,
      satisfactionWeight: w,
      totals,
      rates: rates(totals, w),
      committee: { triageRate: rate(TRIAGE_RATE, totals, w) },
      meetings,
      now,
      ranking: rankDepartments(byDepartment, names, w),
    };
  }
}
