import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Observable } from 'rxjs';
import { NotificationHub, StreamFrame } from '../../stream/notification.hub';
import { NotificationStreamQuery } from './notification-stream.query';

@QueryHandler(NotificationStreamQuery)
export class NotificationStreamHandler implements IQueryHandler<
  NotificationStreamQuery,
  Observable<StreamFrame>
> {
  constructor(private readonly hub: NotificationHub) {}

  execute(q: NotificationStreamQuery): Promise<Observable<StreamFrame>> {
    return this.hub.open(q.userId);
  }
}
