import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { periodOf } from '../../../shared/period';
import {
  InstructorFigures,
  instructorFigures,
  instructorFormula,
  InstructorMonth,
  InstructorPoints,
  instructorPoints,
  rankInstructors,
  totalPoints,
} from '../../domain/instructor-score';
import { assertMaySeeInstructor } from '../../instructor-access';
import { InstructorWorkReader } from '../../infrastructure/instructor-work.reader';
import { GetInstructorFiguresQuery } from './get-instructor-figures.query';

export interface ExplainedInstructorMonth extends InstructorMonth {
  figures: InstructorFigures;
  /** The planned enterprises with whether each was visited that month. */
  plan: { enterpriseId: string; enterpriseName: string; visited: boolean }[];
  visitedUnplanned: { enterpriseId: string; enterpriseName: string }[];
}

export interface InstructorFiguresResult {
  instructorUserId: string;
  name: string;
  period: string;
  rank: number | null;
  of: number;
  score: number;
  points: InstructorPoints;
  figures: InstructorFigures;
  formula: { zh: string; en: string };
  months: ExplainedInstructorMonth[];
}

@QueryHandler(GetInstructorFiguresQuery)
export class GetInstructorFiguresHandler implements IQueryHandler<
  GetInstructorFiguresQuery,
  InstructorFiguresResult
> {
  constructor(
    private readonly work: InstructorWorkReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetInstructorFiguresQuery): Promise<InstructorFiguresResult> {
    assertMaySeeInstructor(q.user, q.instructorUserId);
    const period = periodOf(q.period);
    if (!period) throw invalidField('period', 'must be a month, a quarter or a year');
    const { instructorWeights: w, satisfactionWeight } = this.settings;
    const everyone = await this.work.read(period.months);
    const mine =
      everyone.find((r) => r.instructorUserId === q.instructorUserId) ??
      (await this.work.read(period.months, q.instructorUserId))[0];
    const figures = instructorFigures(mine.months, satisfactionWeight);
    const points = instructorPoints(figures, w);
    const ranked = rankInstructors(everyone, w, satisfactionWeight);
    return {
      instructorUserId: mine.instructorUserId,
      name: mine.name,
      period: period.label,
      rank: ranked.find((r) => r.instructorUserId === q.instructorUserId)?.rank ?? null,
      of: ranked.length,
      score: totalPoints(points),
      points,
      figures,
      formula: instructorFormula(w, satisfactionWeight),
      months: mine.months.map((m) => {
        const visited = new Set(m.visits.map((v) => v.enterpriseId));
        const planned = new Set(m.planned.map((p) => p.enterpriseId));
        const unplanned = new Map(
          m.visits.filter((v) => !planned.has(v.enterpriseId)).map((v) => [v.enterpriseId, v.enterpriseName]),
        );
        return {
          ...m,
          figures: instructorFigures([m], satisfactionWeight),
          plan: m.planned.map((p) => ({ ...p, visited: visited.has(p.enterpriseId) })),
          visitedUnplanned: [...unplanned].map(([enterpriseId, enterpriseName]) => ({
            enterpriseId,
            enterpriseName,
          })),
        };
      }),
    };
  }
}
