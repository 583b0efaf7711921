import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { monthsBetween } from '../../../shared/query-fields';
import { allowanceScope } from '../../instructor-access';
import { InstructorWorkReader } from '../../infrastructure/instructor-work.reader';
import { GetVisitAllowancesQuery } from './get-visit-allowances.query';

export interface VisitAllowances {
  year: string;
  months: string[];
  rows: { instructorUserId: string; name: string; visits: number[]; onSite: number[]; total: number }[];
}

@QueryHandler(GetVisitAllowancesQuery)
export class GetVisitAllowancesHandler implements IQueryHandler<GetVisitAllowancesQuery, VisitAllowances> {
  constructor(private readonly work: InstructorWorkReader) {}

  async execute(q: GetVisitAllowancesQuery): Promise<VisitAllowances> {
    const months = monthsBetween(`${q.year}-01`, `${q.year}-12`);
    const counts = await this.work.visitCounts(q.year, allowanceScope(q.user));
    const rows = new Map<string, VisitAllowances['rows'][number]>();
    for (const c of counts) {
      const row = rows.get(c.instructor_user_id) ?? {
        instructorUserId: c.instructor_user_id,
        name: c.name,
        visits: months.map(() => 0),
        onSite: months.map(() => 0),
        total: 0,
      };
      const i = months.indexOf(c.month);
      if (i < 0) continue;
      row.visits[i] += c.visits;
      row.onSite[i] += c.on_site;
      row.total += c.visits;
      rows.set(c.instructor_user_id, row);
    }
    return {
      year: q.year,
      months,
      rows: [...rows.values()].sort(
        (a, b) => a.name.localeCompare(b.name, 'zh') || a.instructorUserId.localeCompare(b.instructorUserId),
      ),
    };
  }
}
