import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotificationReader } from '../../infrastructure/notification.reader';
import { UnreadCountDto } from '../../notification.response.dto';
import { UnreadCountQuery } from './unread-count.query';

@QueryHandler(UnreadCountQuery)
export class UnreadCountHandler implements IQueryHandler<UnreadCountQuery, UnreadCountDto> {
  constructor(private readonly reader: NotificationReader) {}

  async execute(q: UnreadCountQuery): Promise<UnreadCountDto> {
    return { unread: await this.reader.unreadCount(q.userId) };
  }
}
