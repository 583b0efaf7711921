import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { loadNames, NameBook } from '../../../shared/names';
import { Counters } from '../../domain/counters';
import { rankingScore, rates, Rates } from '../../domain/figures';
import { FiguresReader } from '../../infrastructure/figures.reader';

export interface RankingRow {
  rank: number;
  departmentId: string;
  name: string;
  score: number | null;
  received: number;
  rates: Rates;
}

/** Departments of one month, best first, by the documented score. */
export function rankDepartments(rows: { key: string; counters: Counters }[], names: NameBook, weight: number): RankingRow[] {
  const scored = rows
    .filter((r) => r.key !== '')
    .map((r) => {
      const rs = rates(r.counters, weight);
      return { departmentId: r.key, name: names.department(r.key), score: rankingScore(rs), received: r.counters.received, rates: rs };
    })
    .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || b.received - a.received || a.name.localeCompare(b.name, 'zh'));
  return scored.map((r, i) => ({ rank: i + 1, ...r }));
}

@Injectable()
export class GetRankingHandler {
  constructor(
    private readonly reader: FiguresReader,
    @InjectDataSource('ledger') private readonly ds: DataSource,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async ranking(month: string): Promise<{ month: string; rows: RankingRow[] }> {
    const rows = await this.reader.counters({ fromMonth: month, toMonth: month }, 'department');
    return { month, rows: rankDepartments(rows, await loadNames(this.ds.manager), this.settings.satisfactionWeight) };
  }
}
