import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DATABASE_URL, PgListener } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { Observable, Subscriber } from 'rxjs';
import { INAPP_CHANNEL } from '../../notify.constants';
import { NotificationReader } from '../infrastructure/notification.reader';
import { NotificationResponseDto } from '../notification.response.dto';

/** What a stream tells its user: the unread count, a new notification, or that it is still open. */
export type StreamFrame =
  | { kind: 'unread'; unread: number }
  | { kind: 'notification'; notification: NotificationResponseDto }
  | { kind: 'ping' };

interface Stream {
  userId: string;
  subscriber: Subscriber<StreamFrame>;
  /** Ids already sent (or present at connect), so a late-committing row is sent once and nothing is replayed. */
  sent: Set<string>;
}

/**
 * Live in-app notifications. The repository NOTIFYs the user ids at commit; every instance looks
 * up what its own open streams have not sent yet. A stream that missed a hint catches up on the
 * next one, and the list endpoint is the record either way.
 */
@Injectable()
export class NotificationHub
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  static heartbeatMs = 25_000;
  private readonly streams = new Map<string, Set<Stream>>();
  private readonly listener: PgListener;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(
    private readonly reader: NotificationReader,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.listener = new PgListener(
      databaseUrl,
      [INAPP_CHANNEL],
      (_c, payload) => this.onHint(payload),
      () => this.onHint('*'),
    );
  }

  onApplicationBootstrap(): void {
    this.listener.start();
    // Pings keep proxies and load balancers from closing an idle stream.
    this.heartbeat = setInterval(
      () => this.each((s) => s.subscriber.next({ kind: 'ping' })),
      NotificationHub.heartbeatMs,
    );
    this.heartbeat.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    // Open streams would keep the HTTP server from closing.
    this.each((s) => s.subscriber.complete());
    this.streams.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /**
   * A user's stream: the unread count first, then each new notification with the count after it.
   * What was already there when it opened is not sent (the list shows it).
   */
  async open(userId: string): Promise<Observable<StreamFrame>> {
    const present = await this.reader.recent(userId, []);
    const unread = await this.reader.unreadCount(userId);
    return new Observable<StreamFrame>((subscriber) => {
      const stream: Stream = { userId, subscriber, sent: new Set(present.map((r) => r.id)) };
      subscriber.next({ kind: 'unread', unread });
      const set = this.streams.get(userId) ?? new Set();
      set.add(stream);
      this.streams.set(userId, set);
      // Anything that committed while the stream was being set up.
      this.push(userId).catch((e) =>
        this.logger.warn({ error: (e as Error).message }, 'notification stream push failed'),
      );
      return () => {
        set.delete(stream);
        if (!set.size && this.streams.get(userId) === set) this.streams.delete(userId);
      };
    });
  }

  private onHint(payload: string): void {
    const users =
      payload === '*' ? [...this.streams.keys()] : payload.split(',').filter((u) => this.streams.has(u));
    for (const u of users) {
      this.push(u).catch((e) =>
        this.logger.warn({ error: (e as Error).message }, 'notification stream push failed'),
      );
    }
  }

  private async push(userId: string): Promise<void> {
    const set = this.streams.get(userId);
    if (!set?.size) return;
    const known = new Set<string>();
    for (const s of set) for (const id of s.sent) known.add(id);
    const rows = await this.reader.recent(userId, [...known]);
    if (!rows.length) return;
    const unread = await this.reader.unreadCount(userId);
    for (const s of set) {
      for (const r of rows) {
        if (s.sent.has(r.id)) continue;
        s.sent.add(r.id);
        s.subscriber.next({ kind: 'notification', notification: r });
      }
      s.subscriber.next({ kind: 'unread', unread });
      // Only the recent window is ever queried, so older ids can be forgotten.
      if (s.sent.size > 1000) s.sent = new Set([...s.sent].slice(-500));
    }
  }

  private each(fn: (s: Stream) => void): void {
    for (const set of this.streams.values()) for (const s of set) fn(s);
  }
}
