import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { OUTREACH_CONFIG, OutreachConfig } from '../../../outreach.config';
import { resolvePlannedItems } from '../../domain/planned-items';
import { TaskListRepository } from '../../domain/task-list.repository';
import { TaskListCandidates } from '../../domain/task-list-candidates';
import { proposePlan } from '../../domain/visit-plan';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { ReviseTaskListCommand } from './revise-task-list.command';

@CommandHandler(ReviseTaskListCommand)
export class ReviseTaskListHandler implements ICommandHandler<ReviseTaskListCommand, TaskListResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: TaskListRepository,
    private readonly candidates: TaskListCandidates,
    private readonly directory: OutreachDirectory,
    @Inject(OUTREACH_CONFIG)
    private readonly config: Pick<OutreachConfig, 'OUTREACH_KEY_VISIT_MONTHS' | 'OUTREACH_VISIT_MONTHS'>,
  ) {}

  execute(c: ReviseTaskListCommand): Promise<TaskListResponseDto> {
    return this.uow.transaction(async () => {
      const list = await this.lists.lockById(c.taskListId);
      if (!list || !OutreachAccessPolicy.canSeeTaskList(c.user, list.snapshot()))
        throw notFound('task list', c.taskListId);
      list.assertVersion(c.expectedVersion);
      const gridIds = await this.directory.gridsOfInstructor(list.instructorUserId);
      const proposal = proposePlan(
        await this.candidates.candidatesFor(list.instructorUserId, gridIds, list.month),
        list.month,
        { keyMonths: this.config.OUTREACH_KEY_VISIT_MONTHS, allMonths: this.config.OUTREACH_VISIT_MONTHS },
      );
      const items = await resolvePlannedItems(this.directory, gridIds, proposal, c.items);
      list.revise(items, { id: c.user.id, role: c.user.role }, new Date());
      await this.lists.save(list);
      return TaskListResponseDto.of(list.snapshot());
    });
  }
}
