import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField, toPage } from '@ticketing/platform';
import { isUUID } from 'class-validator';
import { NotificationReader } from '../../infrastructure/notification.reader';
import { NotificationPageDto } from '../../notification.response.dto';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery, NotificationPageDto> {
  constructor(private readonly reader: NotificationReader) {}

  async execute(q: ListNotificationsQuery): Promise<NotificationPageDto> {
    if (q.cursor !== undefined && !isUUID(q.cursor))
      throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
    const rows = await this.reader.page(q.userId, {
      after: q.cursor ?? null,
      limit: q.limit,
      unreadOnly: q.unreadOnly,
    });
    return toPage(
      rows,
      q.limit,
      (n) => n,
      (n) => n.id,
    );
  }
}
