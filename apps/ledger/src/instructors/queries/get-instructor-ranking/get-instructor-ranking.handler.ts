import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { periodOf } from '../../../shared/period';
import { instructorFormula, RankedInstructor, rankInstructors } from '../../domain/instructor-score';
import { InstructorWorkReader } from '../../infrastructure/instructor-work.reader';
import { GetInstructorRankingQuery } from './get-instructor-ranking.query';

export interface InstructorRanking {
  period: string;
  months: string[];
  formula: { zh: string; en: string };
  weights: LedgerSettings['instructorWeights'];
  rows: RankedInstructor[];
}

@QueryHandler(GetInstructorRankingQuery)
export class GetInstructorRankingHandler implements IQueryHandler<
  GetInstructorRankingQuery,
  InstructorRanking
> {
  constructor(
    private readonly work: InstructorWorkReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetInstructorRankingQuery): Promise<InstructorRanking> {
    const period = periodOf(q.period);
    if (!period) throw invalidField('period', 'must be a month, a quarter or a year');
    const { instructorWeights: w, satisfactionWeight } = this.settings;
    return {
      period: period.label,
      months: period.months,
      formula: instructorFormula(w, satisfactionWeight),
      weights: w,
      rows: rankInstructors(await this.work.read(period.months), w, satisfactionWeight),
    };
  }
}
