import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { TaskListRepository } from '../../domain/task-list.repository';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { PublishTaskListCommand } from './publish-task-list.command';

@CommandHandler(PublishTaskListCommand)
export class PublishTaskListHandler implements ICommandHandler<PublishTaskListCommand, TaskListResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: TaskListRepository,
  ) {}

  execute(c: PublishTaskListCommand): Promise<TaskListResponseDto> {
    return this.uow.transaction(async () => {
      const list = await this.lists.lockById(c.taskListId);
      if (!list || !OutreachAccessPolicy.canSeeTaskList(c.user, list.snapshot()))
        throw notFound('task list', c.taskListId);
      list.assertVersion(c.expectedVersion);
      list.publish({ id: c.user.id, role: c.user.role }, new Date());
      await this.lists.save(list);
      return TaskListResponseDto.of(list.snapshot());
    });
  }
}
