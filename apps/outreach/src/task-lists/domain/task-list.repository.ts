import { TaskList } from './task-list.aggregate';

/**
 * Task lists, one per instructor and month. `lockById` holds the list for the rest of the unit of
 * work; `add` refuses a second list for the same instructor and month (409 naming the month).
 */
export abstract class TaskListRepository {
  abstract lockById(id: string): Promise<TaskList | null>;
  abstract findFor(instructorUserId: string, month: string): Promise<TaskList | null>;
  abstract add(list: TaskList): Promise<void>;
  abstract save(list: TaskList): Promise<void>;
}
