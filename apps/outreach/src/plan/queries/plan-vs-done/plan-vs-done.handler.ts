import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { planVsDone } from '../../domain/plan-vs-done';
import { PlanMonthReader } from '../../infrastructure/plan-month.reader';
import { PlanVsDoneResponseDto } from '../../plan-vs-done.response.dto';
import { PlanVsDoneQuery } from './plan-vs-done.query';

/** An instructor sees their own month; the committee anyone's, or every instructor's. */
@QueryHandler(PlanVsDoneQuery)
export class PlanVsDoneHandler implements IQueryHandler<PlanVsDoneQuery, PlanVsDoneResponseDto> {
  constructor(private readonly reader: PlanMonthReader) {}

  async execute(q: PlanVsDoneQuery): Promise<PlanVsDoneResponseDto> {
    const instructorUserId = OutreachAccessPolicy.instructorFilter(q.user, q.instructorUserId);
    const months = await this.reader.read(q.month, instructorUserId);
    return { month: q.month, instructors: months.map(planVsDone) };
  }
}
