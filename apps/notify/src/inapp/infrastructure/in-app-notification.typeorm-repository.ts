import { Injectable } from '@nestjs/common';
import { mutate, statementBehind, TransactionContext } from '@ticketing/database';
import { INAPP_CHANNEL } from '../../notify.constants';
import { InAppNotification } from '../domain/in-app-notification.aggregate';
import { InAppNotificationRepository } from '../domain/in-app-notification.repository';
import { InAppNotificationMapper, NotificationRow } from './in-app-notification.mapper';

/** NOTIFY payloads are capped near 8 kB; '*' asks every open stream to look. */
const MAX_HINT = 7000;

@Injectable()
export class TypeormInAppNotificationRepository extends InAppNotificationRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findOwn(userId: string, id: string): Promise<InAppNotification | null> {
    const [row]: NotificationRow[] = await this.tx.writer.query(
      'SELECT * FROM notify.notifications WHERE id = $1 AND user_id = $2 FOR UPDATE',
      [id, userId],
    );
    return row ? InAppNotificationMapper.toDomain(row) : null;
  }

  async save(notifications: InAppNotification[]): Promise<string[]> {
    const m = this.tx.writer;
    const added: InAppNotification[] = [];
    for (const n of notifications) {
      const changes = n.pullChanges();
      if (changes.includes('created')) added.push(n);
      else if (changes.includes('read'))
        await m.query('UPDATE notify.notifications SET read_at = COALESCE(read_at, $2) WHERE id = $1', [
          n.id,
          n.readAt,
        ]);
    }
    if (!added.length) return [];
    const rows = added.map((n) => n.snapshot());
    const inserted: { user_id: string }[] = await m.query(
      `INSERT INTO notify.notifications (id, user_id, event_id, event_type, ticket_id, title, body, link)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       ON CONFLICT ON CONSTRAINT notifications_once_per_user DO NOTHING RETURNING user_id`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.userId),
        rows.map((r) => r.eventId),
        rows.map((r) => r.eventType),
        rows.map((r) => r.ticketId),
        rows.map((r) => r.title),
        rows.map((r) => r.body),
        rows.map((r) => r.link),
      ],
    );
    const users = inserted.map((r) => r.user_id);
    if (users.length) {
      // Delivered at commit: open streams of these users look then. Each user once: a batch of
      // events may tell one user several times, and each name in the hint is a look. Nothing
      // waits for it: it leaves with the next statement or the COMMIT (ADR 0023).
      const hint = [...new Set(users)].join(',');
      await statementBehind(m, 'SELECT pg_notify($1, $2)', [
        INAPP_CHANNEL,
        hint.length > MAX_HINT ? '*' : hint,
      ]);
    }
    return users;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const rows = await mutate(
      this.tx.writer,
      'UPDATE notify.notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL RETURNING id',
      [userId, now],
    );
    return rows.length;
  }
}
