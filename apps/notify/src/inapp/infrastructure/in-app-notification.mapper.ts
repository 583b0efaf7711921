import { InAppNotification } from '../domain/in-app-notification.aggregate';

/** A row of notify.notifications. */
export interface NotificationRow {
  id: string;
  user_id: string;
  event_id: string;
  event_type: string;
  ticket_id: string | null;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export const InAppNotificationMapper = {
  toDomain(r: NotificationRow): InAppNotification {
    return InAppNotification.restore({
      id: r.id,
      userId: r.user_id,
      eventId: r.event_id,
      eventType: r.event_type,
      ticketId: r.ticket_id,
      title: r.title,
      body: r.body,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    });
  },
};
