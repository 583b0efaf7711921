import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DATABASE_URL } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { PgListener } from '@ticketing/database';
import { INAPP_CHANNEL, NOTIFY_SCHEMA } from '../../shared/queryable';
import { NotificationStore, toNotificationView } from '../infrastructure/notification.store';

interface Stream {
  userId: string;
  res: Response;
  /** Ids already sent (or present at connect), so a late-committing row is sent once and nothing is replayed. */
  sent: Set<string>;
}

/**
 * Live in-app notifications over Server-Sent Events. The consumer NOTIFYs the user ids at commit;
 * every instance looks up what its own open streams have not sent yet. A stream that missed a
 * hint catches up on the next one, and the list endpoint is the record either way.
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
    @InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource,
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
    // Comments keep proxies and load balancers from closing an idle stream.
    this.heartbeat = setInterval(
      () => this.each((s) => s.res.write(': ping\n\n')),
      NotificationHub.heartbeatMs,
    );
    this.heartbeat.unref();
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.heartbeat);
    // Open streams would keep the HTTP server from closing.
    this.each((s) => s.res.end());
    this.streams.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  async open(userId: string, res: Response): Promise<void> {
    const recent = await NotificationStore.recent(this.ds, userId, []);
    const stream: Stream = { userId, res, sent: new Set(recent.map((r) => r.id)) };
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    res.write(
      `event: unread\ndata: ${JSON.stringify({ unread: await NotificationStore.unreadCount(this.ds, userId) })}\n\n`,
    );
    const set = this.streams.get(userId) ?? new Set();
    set.add(stream);
    this.streams.set(userId, set);
    res.on('close', () => {
      set.delete(stream);
      if (!set.size && this.streams.get(userId) === set) this.streams.delete(userId);
    });
    // Anything that committed while the stream was being set up.
    await this.push(userId);
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
    const rows = await NotificationStore.recent(this.ds, userId, [...known]);
    if (!rows.length) return;
    const unread = await NotificationStore.unreadCount(this.ds, userId);
    for (const s of set) {
      for (const r of rows) {
        if (s.sent.has(r.id)) continue;
        s.sent.add(r.id);
        s.res.write(`id: ${r.id}\nevent: notification\ndata: ${JSON.stringify(toNotificationView(r))}\n\n`);
      }
      s.res.write(`event: unread\ndata: ${JSON.stringify({ unread })}\n\n`);
      // Only the recent window is ever queried, so older ids can be forgotten.
      if (s.sent.size > 1000) s.sent = new Set([...s.sent].slice(-500));
    }
  }

  private each(fn: (s: Stream) => void): void {
    for (const set of this.streams.values()) for (const s of set) fn(s);
  }
}
