import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { NotificationResponseDto } from '../notification.response.dto';
import { NotificationRow } from './in-app-notification.mapper';

type ListRow = Omit<NotificationRow, 'user_id' | 'event_id'>;

const COLUMNS = 'id, event_type, ticket_id, title, body, link, created_at, read_at';

const toView = (r: ListRow): NotificationResponseDto => ({
  id: r.id,
  eventType: r.event_type,
  ticketId: r.ticket_id,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** A user's notifications as they read them. Each query takes the user's id: nobody reads another's. */
@Injectable()
export class NotificationReader {
  constructor(private readonly tx: TransactionContext) {}

  /** One page, newest first, fetched with one row more than `limit` (it tells whether there is a next page). */
  async page(
    userId: string,
    opts: { after: string | null; limit: number; unreadOnly: boolean },
  ): Promise<NotificationResponseDto[]> {
    const rows: ListRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM notify.notifications
        WHERE user_id = $1 AND ($2::uuid IS NULL OR id < $2) AND (NOT $3 OR read_at IS NULL)
        ORDER BY id DESC LIMIT $4`,
      [userId, opts.after, opts.unreadOnly, opts.limit + 1],
    );
    return rows.map(toView);
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { n: string }[] = await this.tx.manager.query(
      'SELECT count(*) AS n FROM notify.notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return Number(row.n);
  }

  /** Recent notifications of a user that a stream has not sent yet. */
  async recent(userId: string, excludeIds: string[]): Promise<NotificationResponseDto[]> {
    const rows: ListRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM notify.notifications
        WHERE user_id = $1 AND created_at > now() - interval '2 minutes' AND NOT (id = ANY($2::uuid[]))
        ORDER BY id LIMIT 100`,
      [userId, excludeIds],
    );
    return rows.map(toView);
  }
}
