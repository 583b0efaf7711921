import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { TaskListReader } from '../../infrastructure/task-list.reader';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { GetTaskListQuery } from './get-task-list.query';

/** The committee sees every list; an instructor their own once published; for anyone else it does not exist. */
@QueryHandler(GetTaskListQuery)
export class GetTaskListHandler implements IQueryHandler<GetTaskListQuery, TaskListResponseDto> {
  constructor(private readonly reader: TaskListReader) {}

  async execute(q: GetTaskListQuery): Promise<TaskListResponseDto> {
    const list = await this.reader.find(q.taskListId);
    if (!list || !OutreachAccessPolicy.canSeeTaskList(q.user, list))
      throw notFound('task list', q.taskListId);
    return list;
  }
}
