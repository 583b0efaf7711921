import { takenValue } from '@ticketing/platform';
import { RecordedChange } from '../../shared/domain/recorded-change';
import { TaskList, TaskListProps } from '../domain/task-list.aggregate';
import { TaskListRepository } from '../domain/task-list.repository';

/** Task lists in memory, for handler specs; keeps what the outbox would have carried. */
export class InMemoryTaskListRepository extends TaskListRepository {
  readonly rows = new Map<string, TaskListProps>();
  readonly saved: RecordedChange[] = [];

  async lockById(id: string): Promise<TaskList | null> {
    const props = this.rows.get(id);
    return props ? TaskList.rehydrate(structuredClone(props)) : null;
  }

  async findFor(instructorUserId: string, month: string): Promise<TaskList | null> {
    const props = [...this.rows.values()].find(
      (r) => r.instructorUserId === instructorUserId && r.month === month,
    );
    return props ? TaskList.rehydrate(structuredClone(props)) : null;
  }

  async add(list: TaskList): Promise<void> {
    if (await this.findFor(list.instructorUserId, list.month))
      throw takenValue('month', `${list.instructorUserId} already has a task list for ${list.month}`);
    await this.save(list);
  }

  async save(list: TaskList): Promise<void> {
    this.rows.set(list.id, structuredClone(list.snapshot()) as TaskListProps);
    this.saved.push(...list.pullChanges());
  }

  /** Puts a list in as it stands, as if saved by an earlier unit of work. */
  seed(list: TaskList): void {
    list.pullChanges();
    this.rows.set(list.id, structuredClone(list.snapshot()) as TaskListProps);
  }
}
