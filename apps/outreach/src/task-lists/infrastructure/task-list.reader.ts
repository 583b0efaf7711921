import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { TaskListPageDto, TaskListResponseDto } from '../task-list.response.dto';
import { TaskListRow, toTaskListProps } from './task-list.typeorm-repository';

/** Task lists for the read side: one by id, or a page by month and instructor. */
@Injectable()
export class TaskListReader {
  constructor(private readonly tx: TransactionContext) {}

  async find(id: string): Promise<TaskListResponseDto | null> {
    const [row]: TaskListRow[] = await this.tx.manager.query(
      `SELECT * FROM outreach.task_lists WHERE id = $1`,
      [id],
    );
    return row ? TaskListResponseDto.of(toTaskListProps(row)) : null;
  }

  async list(f: {
    instructorUserId: string | null;
    publishedOnly: boolean;
    month?: string;
    cursor?: string;
    limit?: number;
  }): Promise<TaskListPageDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (f.instructorUserId) where.push(`instructor_user_id = ${p(f.instructorUserId)}`);
    if (f.publishedOnly) where.push(`status = 'published'`);
    if (f.month) where.push(`month = ${p(f.month)}`);
    if (f.cursor) {
      const keys = keysetCursor(f.cursor, ['month', 'uuid']);
      where.push(`(month, id) < (${p(keys[0])}, ${p(keys[1])}::uuid)`);
    }
    const rows: TaskListRow[] = await this.tx.manager.query(
      `SELECT * FROM outreach.task_lists ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY month DESC, id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => TaskListResponseDto.of(toTaskListProps(r))),
      nextCursor: rows.length > limit && last ? encodeCursor(last.month, last.id) : null,
    };
  }
}
