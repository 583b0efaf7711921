import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { invalidField } from '@ticketing/platform';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { OUTREACH_CONFIG, OutreachConfig } from '../../../outreach.config';
import { addMonths, monthOf } from '../../../shared/domain/zone-time';
import { resolvePlannedItems } from '../../domain/planned-items';
import { TaskList } from '../../domain/task-list.aggregate';
import { TaskListRepository } from '../../domain/task-list.repository';
import { TaskListCandidates } from '../../domain/task-list-candidates';
import { proposePlan } from '../../domain/visit-plan';
import { TaskListResponseDto } from '../../task-list.response.dto';
import { CreateTaskListCommand } from './create-task-list.command';

/** How far from now a list may be drafted: a year back (filled in late) to a year ahead. */
const WINDOW_MONTHS = 12;

/**
 * One unit of work: the instructor must be an active instructor of the directory copy; the items are
 * the committee's (each in the instructor's grids) or, when none are given, the proposal of the
 * visiting intervals over the enterprises they look after. One list per instructor and month.
 */
@CommandHandler(CreateTaskListCommand)
export class CreateTaskListHandler implements ICommandHandler<CreateTaskListCommand, TaskListResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lists: TaskListRepository,
    private readonly candidates: TaskListCandidates,
    private readonly directory: OutreachDirectory,
    @Inject(OUTREACH_CONFIG)
    private readonly config: Pick<OutreachConfig, 'OUTREACH_KEY_VISIT_MONTHS' | 'OUTREACH_VISIT_MONTHS'>,
  ) {}

  execute(c: CreateTaskListCommand): Promise<TaskListResponseDto> {
    return this.uow.transaction(async () => {
      const at = new Date();
      const now = monthOf(at);
      if (c.month < addMonths(now, -WINDOW_MONTHS) || c.month > addMonths(now, WINDOW_MONTHS))
        throw invalidField('month', `must be within ${WINDOW_MONTHS} months of ${now}`);
      const instructor = await this.directory.findUser(c.instructorUserId);
      if (!instructor || !instructor.active || instructor.role !== 'instructor')
        throw invalidField('instructorUserId', `${c.instructorUserId} is not an active instructor`);
      const gridIds = await this.directory.gridsOfInstructor(instructor.id);
      const proposal = proposePlan(
        await this.candidates.candidatesFor(instructor.id, gridIds, c.month),
        c.month,
        {
          keyMonths: this.config.OUTREACH_KEY_VISIT_MONTHS,
          allMonths: this.config.OUTREACH_VISIT_MONTHS,
        },
      );
      const items = c.items
        ? await resolvePlannedItems(this.directory, gridIds, proposal, c.items)
        : proposal;
      const list = TaskList.draft({
        id: newId(),
        instructor: { id: instructor.id, name: instructor.displayName },
        month: c.month,
        items,
        actor: { id: c.user.id, role: c.user.role },
        at,
      });
      await this.lists.add(list);
      return TaskListResponseDto.of(list.snapshot());
    });
  }
}
