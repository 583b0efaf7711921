import { Queryable } from '../../shared/queryable';

export interface NotificationRow {
  id: string;
  event_type: string;
  ticket_id: string | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface NotificationView {
  id: string;
  eventType: string;
  ticketId: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export const toNotificationView = (r: NotificationRow): NotificationView => ({
  id: r.id,
  eventType: r.event_type,
  ticketId: r.ticket_id,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** Each query takes the caller's user id: a user only ever reads or marks their own notifications. */
export const NotificationStore = {
  async page(
    q: Queryable,
    userId: string,
    opts: { cursor?: string; limit: number; unreadOnly: boolean },
  ): Promise<NotificationRow[]> {
    return q.query(
      `SELECT id, event_type, ticket_id, title, body, link, created_at, read_at FROM notify.notifications
        WHERE user_id = $1 AND ($2::uuid IS NULL OR id < $2) AND (NOT $3 OR read_at IS NULL)
        ORDER BY id DESC LIMIT $4`,
      [userId, opts.cursor ?? null, opts.unreadOnly, opts.limit],
    );
  },

  async unreadCount(q: Queryable, userId: string): Promise<number> {
    const [row]: { n: string }[] = await q.query(
      'SELECT count(*) AS n FROM notify.notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return Number(row.n);
  },

  /** Recent notifications of a user that a stream has not sent yet. */
  async recent(q: Queryable, userId: string, excludeIds: string[]): Promise<NotificationRow[]> {
    return q.query(
      `SELECT id, event_type, ticket_id, title, body, link, created_at, read_at FROM notify.notifications
        WHERE user_id = $1 AND created_at > now() - interval '2 minutes' AND NOT (id = ANY($2::uuid[]))
        ORDER BY id LIMIT 100`,
      [userId, excludeIds],
    );
  },
};
