import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { DepartmentStatsReader } from '../../infrastructure/department-stats.reader';
import { DepartmentStatsQuery } from './department-stats.query';
import { DepartmentStatsResponseDto, DepartmentStatsRowDto } from './department-stats.response.dto';

const FIELD = {
  assigned: 'assigned',
  transfer_requested: 'transferRequests',
  transfer_approved: 'transfersApproved',
  transfer_rejected: 'transfersRejected',
  reopened: 'reopens',
} as const;

/**
 * Every known department appears, with zeros where nothing happened, so a ranking shows the quiet
 * ones too; departments the desk never heard of but that were counted appear as well.
 */
@QueryHandler(DepartmentStatsQuery)
export class DepartmentStatsHandler implements IQueryHandler<
  DepartmentStatsQuery,
  DepartmentStatsResponseDto
> {
  constructor(private readonly reader: DepartmentStatsReader) {}

  async execute({ from, to }: DepartmentStatsQuery): Promise<DepartmentStatsResponseDto> {
    if (from && to && from >= to) throw invalidField('to', 'to must be after from');
    const counts = await this.reader.counts(from, to);
    const departments = await this.reader.departments();
    const rows = new Map<string, DepartmentStatsRowDto>();
    const row = (id: string, name: string | null) => {
      let r = rows.get(id);
      if (!r) {
        r = {
          departmentId: id,
          departmentName: name,
          assigned: 0,
          transferRequests: 0,
          transfersApproved: 0,
          transfersRejected: 0,
          reopens: 0,
        };
        rows.set(id, r);
      }
      return r;
    };
    for (const d of departments) row(d.id, d.name);
    for (const c of counts) row(c.department_id, null)[FIELD[c.kind]] = Number(c.n);
    return {
      from: from?.toISOString() ?? null,
      to: to?.toISOString() ?? null,
      formula:
        'per department, count of ticket.assigned (lead), ticket.transfer-requested (requester), committee transfer decisions (requester, by outcome) and ticket.reopened (lead) with from <= occurredAt < to',
      departments: [...rows.values()],
    };
  }
}
