import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DATABASE_URL } from '@ticketing/database';
import { counter } from '@ticketing/observability';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { ChannelSender, SendOutcome, SendTarget } from '../../channels/infrastructure/channel.sender';
import { RenderedMessage } from '../../messages/domain/message';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { PgListener } from '@ticketing/database';
import { Wakeup } from '@ticketing/messaging';
import { DELIVERIES_CHANNEL, mutate, NOTIFY_SCHEMA } from '../../shared/queryable';
import { Channel } from '../../subscriptions/domain/subscription';
import { afterFailure } from '../domain/retry-policy';

interface ClaimedDelivery {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  message: RenderedMessage;
  event_occurred_at: Date;
  usable: boolean;
  channel: Channel;
  url: string | null;
  secret: string | null;
  msgtype: 'markdown' | 'text' | null;
  mention_mobiles: string[];
  mention_all: boolean;
  recipients: string[];
}

const outcomes = counter('notify_delivery_attempts_total', 'Delivery attempts by channel and outcome', [
  'channel',
  'outcome',
]);

/**
 * Sends the deliveries: the rows are the queue. Due rows are claimed with FOR UPDATE SKIP LOCKED
 * (several instances share the work) and leased by pushing next_attempt_at past the send timeout,
 * so a row whose sender died is picked up again. At most NOTIFY_CONCURRENCY sends run at once and
 * at most NOTIFY_PER_SUBSCRIPTION per subscription, claimed round-robin across subscriptions: a
 * receiver that hangs holds its own slots until the timeout, never the others'.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  static pollMs = 1000;
  private readonly nudge = new Wakeup();
  private readonly listener: PgListener;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perSubscription = new Map<string, number>();
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource,
    private readonly sender: ChannelSender,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.listener = new PgListener(
      databaseUrl,
      [DELIVERIES_CHANNEL],
      () => this.nudge.wake(),
      () => this.nudge.wake(),
    );
  }

  /** Cuts the current sleep short (after an insert or a manual retry in this process). */
  wake(): void {
    this.nudge.wake();
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.listener.start();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.nudge.wake();
    await this.loop;
    // Sends in flight end within the timeout; their rows are updated before the pool closes.
    await Promise.allSettled([...this.inFlight.values()]);
    await this.listener.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const free = this.settings.concurrency - this.inFlight.size;
        const claimed = free > 0 ? await this.claim(free) : [];
        for (const d of claimed) this.start(d);
        if (claimed.length && claimed.length === free) continue;
        await this.nudge.wait(await this.untilNextDue());
      } catch (e) {
        if (!this.running) break;
        this.logger.warn({ error: (e as Error).message }, 'notify delivery loop failed; retrying');
        await this.nudge.wait(500);
      }
    }
  }

  private busy(): { ids: string[]; counts: number[] } {
    const entries = [...this.perSubscription.entries()].filter(([, n]) => n > 0);
    return { ids: entries.map(([id]) => id), counts: entries.map(([, n]) => n) };
  }

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const busy = this.busy();
    const leaseSeconds = this.settings.timeoutMs / 1000 + 60;
    return mutate<ClaimedDelivery>(
      this.ds,
      `WITH busy AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS b(subscription_id, n)),
       ranked AS (
         SELECT d.id, row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.next_attempt_at, d.id) AS rn, COALESCE(b.n, 0) AS n
           FROM notify.deliveries d LEFT JOIN busy b ON b.subscription_id = d.subscription_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= now()),
       picked AS (
         SELECT d.id FROM notify.deliveries d JOIN ranked r ON r.id = d.id
          WHERE r.rn + r.n <= $3 AND d.status = 'pending' AND d.next_attempt_at <= now()
          ORDER BY r.rn, d.next_attempt_at LIMIT $4
          FOR UPDATE OF d SKIP LOCKED)
       UPDATE notify.deliveries d
          SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => $5)
         FROM picked, notify.subscriptions s
        WHERE d.id = picked.id AND s.id = d.subscription_id
       RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.attempts, d.message, d.event_occurred_at,
                 (s.enabled AND s.deleted_at IS NULL) AS usable, s.channel, s.url, s.secret, s.msgtype, s.mention_mobiles,
                 s.mention_all, s.recipients`,
      [busy.ids, busy.counts, this.settings.perSubscription, limit, leaseSeconds],
    );
  }

  private async untilNextDue(): Promise<number> {
    const [row]: { wait_ms: number | null }[] = await this.ds.query(
      `SELECT (EXTRACT(EPOCH FROM (min(next_attempt_at) - now())) * 1000)::float AS wait_ms
         FROM notify.deliveries WHERE status = 'pending' AND NOT (subscription_id = ANY($1::uuid[]))`,
      [
        [...this.perSubscription.entries()]
          .filter(([, n]) => n >= this.settings.perSubscription)
          .map(([id]) => id),
      ],
    );
    const wait =
      row?.wait_ms === null || row?.wait_ms === undefined
        ? DeliveryWorker.pollMs
        : Math.max(0, Number(row.wait_ms));
    // A floor keeps a due row that cannot be claimed yet (its subscription is at its cap) from spinning the loop.
    return Math.max(20, Math.min(DeliveryWorker.pollMs, wait));
  }

  private start(d: ClaimedDelivery): void {
    this.perSubscription.set(d.subscription_id, (this.perSubscription.get(d.subscription_id) ?? 0) + 1);
    const task = this.deliver(d)
      .catch((e) =>
        this.logger.error(
          { delivery: d.id, error: (e as Error).message },
          'recording a delivery attempt failed',
        ),
      )
      .finally(() => {
        this.inFlight.delete(d.id);
        const n = (this.perSubscription.get(d.subscription_id) ?? 1) - 1;
        if (n > 0) this.perSubscription.set(d.subscription_id, n);
        else this.perSubscription.delete(d.subscription_id);
        this.nudge.wake();
      });
    this.inFlight.set(d.id, task);
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    if (!d.usable) {
      await this.ds.query(
        "UPDATE notify.deliveries SET status = 'cancelled', last_error = 'subscription disabled or deleted' WHERE id = $1",
        [d.id],
      );
      return;
    }
    const target: SendTarget = {
      channel: d.channel,
      url: d.url,
      secret: d.secret,
      msgtype: d.msgtype,
      mentionMobiles: d.mention_mobiles,
      mentionAll: d.mention_all,
      recipients: d.recipients,
    };
    const outcome: SendOutcome = await this.sender.send(target, d.message, {
      deliveryId: d.id,
      eventId: d.event_id,
      eventType: d.event_type,
      occurredAt: d.event_occurred_at.toISOString(),
    });
    if (outcome.ok) {
      outcomes.inc({ channel: d.channel, outcome: 'delivered' });
      await this.ds.query(
        "UPDATE notify.deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE id = $1",
        [d.id],
      );
      return;
    }
    const next = afterFailure(d.attempts, {
      maxAttempts: this.settings.maxAttempts,
      baseMs: this.settings.retryBaseMs,
      capMs: this.settings.retryCapMs,
    });
    if (next === 'give-up') {
      outcomes.inc({ channel: d.channel, outcome: 'failed' });
      this.logger.warn(
        { delivery: d.id, subscription: d.subscription_id, error: outcome.error },
        'delivery failed for good',
      );
      await this.ds.query("UPDATE notify.deliveries SET status = 'failed', last_error = $2 WHERE id = $1", [
        d.id,
        outcome.error,
      ]);
    } else {
      outcomes.inc({ channel: d.channel, outcome: 'retry' });
      await this.ds.query(
        "UPDATE notify.deliveries SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1 AND status = 'pending'",
        [d.id, outcome.error, next.retryInMs / 1000],
      );
    }
  }
}
