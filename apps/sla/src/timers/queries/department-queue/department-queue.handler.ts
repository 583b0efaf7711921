import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { Page, toPage } from '@ticketing/platform';
import { QueueRow, TimerReader } from '../../infrastructure/timer.reader';
import { DepartmentQueueQuery } from './department-queue.query';

export interface QueueItem {
  timerId: string;
  /** ticket, or decision: a joint meeting's decision, whose id `ticketId` then holds. */
  subject: 'ticket' | 'decision';
  ticketId: string;
  kind: string;
  dueAt: string;
  startedAt: string;
}

/** The cursor is the last item's keyset: its deadline (13-digit epoch ms) and its id. */
const cursorOf = (r: QueueRow) => `${String(r.due_at.getTime()).padStart(13, '0')}_${r.id}`;

@QueryHandler(DepartmentQueueQuery)
export class DepartmentQueueHandler implements IQueryHandler<DepartmentQueueQuery, Page<QueueItem>> {
  constructor(private readonly reader: TimerReader) {}

  async execute(q: DepartmentQueueQuery): Promise<Page<QueueItem>> {
    const departmentId = q.user.role === 'department' ? q.user.departmentId : q.departmentId;
    if (!departmentId)
      throw new DomainError('validation', 'departmentId is required', {
        errors: [{ field: 'departmentId', messages: ['required'] }],
      });
    const rows = await this.reader.queue({
      departmentId,
      kind: q.kind,
      after: q.cursor ? { dueAt: new Date(Number(q.cursor.slice(0, 13))), id: q.cursor.slice(14) } : null,
      limit: q.limit + 1,
    });
    return toPage(
      rows,
      q.limit,
      (r) => ({
        timerId: r.id,
        subject: r.kind === 'decision' ? 'decision' : 'ticket',
        ticketId: r.ticket_id,
        kind: r.kind,
        dueAt: r.due_at.toISOString(),
        startedAt: r.started_at.toISOString(),
      }),
      cursorOf,
    );
  }
}
