import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { conflictOnUnique } from '@ticketing/platform';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { TaskList, TaskListProps, TaskListStatus } from '../domain/task-list.aggregate';
import { TaskListRepository } from '../domain/task-list.repository';
import { PlannedVisit } from '../domain/visit-plan';

export interface TaskListRow {
  id: string;
  instructor_user_id: string;
  instructor_name: string;
  month: string;
  status: string;
  items: PlannedVisit[];
  revision: number;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
}

export const toTaskListProps = (r: TaskListRow): TaskListProps => ({
  id: r.id,
  instructorUserId: r.instructor_user_id,
  instructorName: r.instructor_name,
  month: r.month,
  status: r.status as TaskListStatus,
  items: r.items,
  revision: r.revision,
  version: r.version,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  publishedAt: r.published_at && new Date(r.published_at),
});

/** `outreach.task_lists`: the list's row (items as JSON) with its history and events through the change log. */
@Injectable()
export class TypeormTaskListRepository extends TaskListRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockById(id: string): Promise<TaskList | null> {
    const [row]: TaskListRow[] = await this.tx.writer.query(
      `SELECT * FROM outreach.task_lists WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? TaskList.rehydrate(toTaskListProps(row)) : null;
  }

  async findFor(instructorUserId: string, month: string): Promise<TaskList | null> {
    const [row]: TaskListRow[] = await this.tx.manager.query(
      `SELECT * FROM outreach.task_lists WHERE instructor_user_id = $1 AND month = $2`,
      [instructorUserId, month],
    );
    return row ? TaskList.rehydrate(toTaskListProps(row)) : null;
  }

  async add(list: TaskList): Promise<void> {
    const s = list.snapshot();
    await this.tx.writer
      .query(
        `INSERT INTO outreach.task_lists (id, instructor_user_id, instructor_name, month, status, items, revision, version,
           created_by, created_at, updated_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          s.id,
          s.instructorUserId,
          s.instructorName,
          s.month,
          s.status,
          JSON.stringify(s.items),
          s.revision,
          s.version,
          s.createdBy,
          s.createdAt,
          s.updatedAt,
          s.publishedAt,
        ],
      )
      .catch((e: unknown) => {
        throw conflictOnUnique(e, `${s.instructorUserId} already has a task list for ${s.month}`, 'month');
      });
    await this.log.append('task_list', s.id, list.pullChanges());
  }

  async save(list: TaskList): Promise<void> {
    const s = list.snapshot();
    const result: [unknown[], number] = await this.tx.writer.query(
      `UPDATE outreach.task_lists SET status = $2, items = $3, revision = $4, version = $5, updated_at = $6, published_at = $7
        WHERE id = $1 AND version < $5`,
      [s.id, s.status, JSON.stringify(s.items), s.revision, s.version, s.updatedAt, s.publishedAt],
    );
    // The row is locked by lockById; a miss here means a caller skipped the lock.
    if (result[1] !== 1) throw new Error(`task list ${s.id} was not saved (version ${s.version})`);
    await this.log.append('task_list', s.id, list.pullChanges());
  }
}
