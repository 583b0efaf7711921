import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { TaskListReader } from '../../infrastructure/task-list.reader';
import { TaskListPageDto } from '../../task-list.response.dto';
import { ListTaskListsQuery } from './list-task-lists.query';

/** The committee's lists (any instructor, drafts included); an instructor's own published ones. */
@QueryHandler(ListTaskListsQuery)
export class ListTaskListsHandler implements IQueryHandler<ListTaskListsQuery, TaskListPageDto> {
  constructor(private readonly reader: TaskListReader) {}

  execute(q: ListTaskListsQuery): Promise<TaskListPageDto> {
    const instructorUserId = OutreachAccessPolicy.instructorFilter(q.user, q.instructorUserId);
    return this.reader.list({
      instructorUserId,
      publishedOnly: q.user.role === 'instructor',
      month: q.month,
      cursor: q.cursor,
      limit: q.limit,
    });
  }
}
