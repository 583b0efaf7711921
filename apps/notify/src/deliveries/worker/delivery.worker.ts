import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DATABASE_URL, ListeningLoop, LoopTurn, UnitOfWork } from '@ticketing/database';
import { counter } from '@ticketing/observability';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { ChannelSender, SendOutcome } from '../../channels/infrastructure/channel.sender';
import { DELIVERIES_CHANNEL } from '../../notify.constants';
import { NOTIFY_SETTINGS, NotifySettings } from '../../notify.env';
import { Delivery } from '../domain/delivery.aggregate';
import { DeliveryRepository } from '../domain/delivery.repository';
import { RetryPolicy } from '../domain/retry-policy';
import { ClaimedDelivery, DeliveryQueue } from '../infrastructure/delivery.queue';

const outcomes = counter('notify_delivery_attempts_total', 'Delivery attempts by channel and outcome', [
  'channel',
  'outcome',
]);

/**
 * Sends the deliveries: the rows are the queue (DeliveryQueue claims and leases them). At most
 * NOTIFY_CONCURRENCY sends run at once and at most NOTIFY_PER_SUBSCRIPTION per subscription: a
 * receiver that hangs holds its own slots until the timeout, never the others'. Each attempt's
 * outcome is the delivery's to judge (delivered, retried after a delay, failed for good).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  static pollMs = 1000;
  private readonly loop: ListeningLoop;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perSubscription = new Map<string, number>();
  private readonly policy: RetryPolicy;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly queue: DeliveryQueue,
    private readonly deliveries: DeliveryRepository,
    private readonly sender: ChannelSender,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.policy = {
      maxAttempts: settings.maxAttempts,
      baseMs: settings.retryBaseMs,
      capMs: settings.retryCapMs,
    };
    this.loop = new ListeningLoop({
      connectionString: databaseUrl,
      channels: [DELIVERIES_CHANNEL],
      pollMs: DeliveryWorker.pollMs,
      turn: () => this.turn(),
      onError: (e) => this.logger.warn({ error: e.message }, 'notify delivery loop failed; retrying'),
    });
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    // Sends in flight end within the timeout; their outcomes are stored before the pool closes.
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async turn(): Promise<LoopTurn> {
    const free = this.settings.concurrency - this.inFlight.size;
    const claimed =
      free > 0
        ? await this.uow.transaction(() =>
            this.queue.claim({
              limit: free,
              perSubscription: this.settings.perSubscription,
              busy: this.perSubscription,
              // The lease outlasts any send (cut off at the timeout): only a dead sender's rows come back.
              leaseMs: this.settings.timeoutMs + 60_000,
            }),
          )
        : [];
    for (const c of claimed) this.start(c);
    if (claimed.length && claimed.length === free) return 'again';
    const atCap = [...this.perSubscription.entries()]
      .filter(([, n]) => n >= this.settings.perSubscription)
      .map(([id]) => id);
    const wait = await this.queue.msUntilNextDue(atCap);
    // A floor keeps a due row that cannot be claimed yet (its subscription is at its cap) from spinning the loop.
    return wait === null ? 'idle' : { nextAt: Date.now() + Math.max(20, wait) };
  }

  private start(claimed: ClaimedDelivery): void {
    const { delivery } = claimed;
    const sub = delivery.subscriptionId;
    this.perSubscription.set(sub, (this.perSubscription.get(sub) ?? 0) + 1);
    const task = this.deliver(claimed)
      .catch((e) =>
        this.logger.error(
          { delivery: delivery.id, error: (e as Error).message },
          'recording a delivery attempt failed',
        ),
      )
      .finally(() => {
        this.inFlight.delete(delivery.id);
        const n = (this.perSubscription.get(sub) ?? 1) - 1;
        if (n > 0) this.perSubscription.set(sub, n);
        else this.perSubscription.delete(sub);
        this.loop.wake();
      });
    this.inFlight.set(delivery.id, task);
  }

  private async deliver({ delivery: d, target, unreadable }: ClaimedDelivery): Promise<void> {
    if (!target && unreadable === undefined) {
      d.cancel('subscription disabled or deleted');
      await this.record(d);
      return;
    }
    const s = d.snapshot();
    const outcome: SendOutcome = target
      ? await this.sender.send(target, s.message, {
          deliveryId: s.id,
          eventId: s.eventId,
          eventType: s.eventType,
          occurredAt: s.eventOccurredAt.toISOString(),
        })
      : { ok: false, error: `the subscription's secrets do not open: ${unreadable}` };
    if (outcome.ok) {
      outcomes.inc({ channel: s.channel, outcome: 'delivered' });
      d.succeeded(new Date());
    } else {
      d.failed(outcome.error, this.policy, new Date());
      outcomes.inc({ channel: s.channel, outcome: d.status === 'failed' ? 'failed' : 'retry' });
      if (d.status === 'failed')
        this.logger.warn(
          { delivery: s.id, subscription: s.subscriptionId, error: outcome.error },
          'delivery failed for good',
        );
    }
    await this.record(d);
  }

  private async record(d: Delivery): Promise<void> {
    await this.uow.transaction(() => this.deliveries.save([d]));
  }
}
