import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COUNTER_NAMES, Counters, zeroCounters } from '../../../figures/domain/counters';
import { rates } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { rankDepartments } from '../../../figures/queries/get-ranking/get-ranking.handler';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { loadNames } from '../../../shared/names';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';

const sum = (rows: { counters: Counters }[]): Counters => {
  const total = zeroCounters();
  for (const r of rows) for (const n of COUNTER_NAMES) total[n] += r.counters[n];
  return total;
};

/**
 * The committee's front page for a month: totals and rates, today's overdue cards and backlog,
 * and the department ranking. Two indexed reads: the month's rollup rows and the open tickets.
 */
@Injectable()
export class GetOverviewHandler {
  constructor(
    private readonly figures: FiguresReader,
    private readonly live: LiveFiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async overview(month: string) {
    const [byDepartment, now, names] = await Promise.all([
      this.figures.counters({ fromMonth: month, toMonth: month }, 'department'),
      this.live.now(),
      loadNames(this.ds.manager),
    ]);
    const totals = sum(byDepartment);
    const w = this.settings.satisfactionWeight;
    return {
      month,
      satisfactionWeight: w,
      totals,
      rates: rates(totals, w),
      now,
      ranking: rankDepartments(byDepartment, names, w),
    };
  }
}
