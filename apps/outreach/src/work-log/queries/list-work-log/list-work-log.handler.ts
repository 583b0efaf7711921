import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { WorkLogReader } from '../../infrastructure/work-log.reader';
import { WorkLogResponseDto } from '../../work-log.response.dto';
import { ListWorkLogQuery } from './list-work-log.query';

/** At most a quarter at a time: a log is read by the week or the month. */
const MAX_DAYS = 93;

/** An instructor reads their own log; the committee anyone's (or everyone's). */
@QueryHandler(ListWorkLogQuery)
export class ListWorkLogHandler implements IQueryHandler<ListWorkLogQuery, WorkLogResponseDto> {
  constructor(private readonly reader: WorkLogReader) {}

  execute(q: ListWorkLogQuery): Promise<WorkLogResponseDto> {
    const span = (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000;
    if (!(span >= 0)) throw invalidField('to', 'to must be on or after from');
    if (span >= MAX_DAYS) throw invalidField('to', `at most ${MAX_DAYS} days at a time`);
    const instructorUserId = OutreachAccessPolicy.instructorFilter(q.user, q.instructorUserId);
    return this.reader.list({ instructorUserId, from: q.from, to: q.to });
  }
}
