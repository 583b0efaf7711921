import { InAppNotification, InAppNotificationState } from '../domain/in-app-notification.aggregate';
import { InAppNotificationRepository } from '../domain/in-app-notification.repository';

/** In-app notifications in a map, for handler specs: what the TypeORM repository stores, without a database. */
export class InMemoryInAppNotificationRepository extends InAppNotificationRepository {
  readonly rows = new Map<string, InAppNotificationState>();
  /** The users open streams were told about (the NOTIFY of the TypeORM repository), one entry per save. */
  readonly hints: string[][] = [];

  constructor(seed: InAppNotification[] = []) {
    super();
    for (const n of seed) this.rows.set(n.id, n.snapshot());
  }

  async findOwn(userId: string, id: string): Promise<InAppNotification | null> {
    const row = this.rows.get(id);
    return row && row.userId === userId ? InAppNotification.restore(row) : null;
  }

  async save(notifications: InAppNotification[]): Promise<string[]> {
    const users: string[] = [];
    for (const n of notifications) {
      const changes = n.pullChanges();
      const s = n.snapshot();
      if (changes.includes('created')) {
        const told = [...this.rows.values()].some((r) => r.userId === s.userId && r.eventId === s.eventId);
        if (told) continue;
        this.rows.set(s.id, s);
        users.push(s.userId);
      } else if (changes.includes('read')) {
        const current = this.rows.get(s.id);
        if (current) this.rows.set(s.id, { ...current, readAt: current.readAt ?? s.readAt });
      }
    }
    if (users.length) this.hints.push([...new Set(users)]);
    return users;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const unread = [...this.rows.values()].filter((r) => r.userId === userId && !r.readAt);
    for (const r of unread) this.rows.set(r.id, { ...r, readAt: now });
    return unread.length;
  }
}
