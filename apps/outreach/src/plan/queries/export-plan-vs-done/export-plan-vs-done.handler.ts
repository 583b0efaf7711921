import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { planVsDone } from '../../domain/plan-vs-done';
import { PlanMonthReader } from '../../infrastructure/plan-month.reader';
import { planWorkbook } from '../../infrastructure/plan-workbook';
import { ExportPlanVsDoneQuery } from './export-plan-vs-done.query';

/** The same comparison as GET /plan-vs-done, as an Excel workbook, for the same callers. */
@QueryHandler(ExportPlanVsDoneQuery)
export class ExportPlanVsDoneHandler implements IQueryHandler<ExportPlanVsDoneQuery, Buffer> {
  constructor(private readonly reader: PlanMonthReader) {}

  async execute(q: ExportPlanVsDoneQuery): Promise<Buffer> {
    const instructorUserId = OutreachAccessPolicy.instructorFilter(q.user, q.instructorUserId);
    const months = await this.reader.read(q.month, instructorUserId);
    return planWorkbook(q.month, months.map(planVsDone));
  }
}
