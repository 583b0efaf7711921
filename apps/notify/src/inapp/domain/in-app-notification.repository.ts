import { InAppNotification } from './in-app-notification.aggregate';

/**
 * In-app notifications. Every read takes the reader's user id: a user only ever reads or marks
 * their own (another user's notification is not found). A port: the TypeORM implementation
 * stores them and tells open streams at commit; the in-memory one serves the handler specs.
 */
export abstract class InAppNotificationRepository {
  abstract findOwn(userId: string, id: string): Promise<InAppNotification | null>;

  /**
   * Stores new and changed notifications. A new one for a user who was already told of its event
   * is dropped. Returns the users whose new notifications were stored.
   */
  abstract save(notifications: InAppNotification[]): Promise<string[]>;

  /** Marks every unread notification of the user read; returns how many were unread. */
  abstract markAllRead(userId: string, now: Date): Promise<number>;
}
