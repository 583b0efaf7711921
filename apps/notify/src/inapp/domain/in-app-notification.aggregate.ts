export interface InAppNotificationState {
  id: string;
  /** Its one reader: nobody else reads or marks it. */
  userId: string;
  eventId: string;
  eventType: string;
  ticketId: string | null;
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export type InAppNotificationChange = 'created' | 'read';

/** What one user is told in the app about one event, until they have read it. */
export class InAppNotification {
  private changes: InAppNotificationChange[] = [];

  private constructor(private state: InAppNotificationState) {}

  static create(p: Omit<InAppNotificationState, 'readAt' | 'createdAt'> & { now: Date }): InAppNotification {
    const { now, ...rest } = p;
    const n = new InAppNotification({ ...rest, createdAt: now, readAt: null });
    n.changes.push('created');
    return n;
  }

  static restore(state: InAppNotificationState): InAppNotification {
    return new InAppNotification({ ...state });
  }

  get id(): string {
    return this.state.id;
  }
  get userId(): string {
    return this.state.userId;
  }
  get readAt(): Date | null {
    return this.state.readAt;
  }

  snapshot(): InAppNotificationState {
    return { ...this.state };
  }

  /** Marking it again is fine and keeps the first reading time. */
  markRead(now: Date): boolean {
    if (this.state.readAt) return false;
    this.state = { ...this.state, readAt: now };
    this.changes.push('read');
    return true;
  }

  /** What changed since it was loaded (or made); forgets it, so a second save writes nothing. */
  pullChanges(): InAppNotificationChange[] {
    const pulled = this.changes;
    this.changes = [];
    return pulled;
  }
}
