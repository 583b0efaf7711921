import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { rankDepartments, RankingRow } from '../../domain/ranking';
import { FiguresReader } from '../../infrastructure/figures.reader';
import { GetRankingQuery } from './get-ranking.query';

export interface RankingResult {
  month: string;
  rows: RankingRow[];
}

@QueryHandler(GetRankingQuery)
export class GetRankingHandler implements IQueryHandler<GetRankingQuery, RankingResult> {
  constructor(
    private readonly reader: FiguresReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetRankingQuery): Promise<RankingResult> {
    const rows = await this.reader.counters({ fromMonth: q.month, toMonth: q.month }, 'department');
    return {
      month: q.month,
      rows: rankDepartments(rows, await this.names.load(), this.settings.satisfactionWeight),
    };
  }
}
