import { DomainError } from '@ticketing/contracts';
import { RenderedMessage } from '../../messages/domain/message';
import { Channel } from '../../subscriptions/domain/subscription-definition';
import { afterFailure, RetryPolicy } from './retry-policy';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryState {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  eventOccurredAt: Date;
  ticketId: string | null;
  channel: Channel;
  status: DeliveryStatus;
  /** Attempts of the current round (a retry by hand starts a new round). */
  attempts: number;
  /** Pending: when it may be sent (a claimed delivery's lease ends then). */
  nextAttemptAt: Date;
  /** Written once, when the delivery is queued, and sent as is on every attempt. */
  message: RenderedMessage;
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  createdAt: Date;
}

/** What happened to a delivery; `queued` and `retried` make it due, which wakes the senders. */
export type DeliveryChange =
  'queued' | 'attempted' | 'delivered' | 'retry-scheduled' | 'failed' | 'retried' | 'cancelled';

/**
 * One message for one subscription about one event, and its way to the receiver: queued pending,
 * attempted (each attempt leases it), delivered, or retried after a failure with a growing delay
 * until the attempts run out and it has failed; an admin may give a failed one a new round, and a
 * pending one is cancelled when its subscription goes.
 */
export class Delivery {
  private changes: DeliveryChange[] = [];

  private constructor(
    private state: DeliveryState,
    /** The status it was stored with when loaded; null for one not stored yet. */
    private storedStatus: DeliveryStatus | null,
  ) {}

  static queue(p: {
    id: string;
    subscription: { id: string; channel: Channel };
    event: { id: string; type: string; occurredAt: string };
    ticketId: string | null;
    message: RenderedMessage;
    now: Date;
  }): Delivery {
    const d = new Delivery(
      {
        id: p.id,
        subscriptionId: p.subscription.id,
        eventId: p.event.id,
        eventType: p.event.type,
        eventOccurredAt: new Date(p.event.occurredAt),
        ticketId: p.ticketId,
        channel: p.subscription.channel,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: p.now,
        message: p.message,
        lastError: null,
        lastAttemptAt: null,
        deliveredAt: null,
        createdAt: p.now,
      },
      null,
    );
    d.changes.push('queued');
    return d;
  }

  static restore(state: DeliveryState): Delivery {
    return new Delivery({ ...state }, state.status);
  }

  get id(): string {
    return this.state.id;
  }
  get subscriptionId(): string {
    return this.state.subscriptionId;
  }
  get status(): DeliveryStatus {
    return this.state.status;
  }
  get attempts(): number {
    return this.state.attempts;
  }

  snapshot(): DeliveryState {
    return { ...this.state };
  }

  /**
   * Takes it for one attempt: counts the attempt and leases it until `now + leaseMs`, so that a
   * delivery whose sender died is sent again once the lease ends (at least once, never lost).
   */
  attempt(now: Date, leaseMs: number): void {
    if (this.state.status !== 'pending')
      throw new Error(`delivery ${this.id} is ${this.status}, not pending`);
    this.state = {
      ...this.state,
      attempts: this.state.attempts + 1,
      lastAttemptAt: now,
      nextAttemptAt: new Date(now.getTime() + leaseMs),
    };
    this.changes.push('attempted');
  }

  /** The receiver took it. */
  succeeded(now: Date): void {
    this.state = { ...this.state, status: 'delivered', deliveredAt: now, lastError: null };
    this.changes.push('delivered');
  }

  /** The attempt failed: another one after the policy's delay, or failed for good once the attempts are used up. */
  failed(error: string, policy: RetryPolicy, now: Date, random = Math.random): void {
    const next = afterFailure(this.state.attempts, policy, random);
    if (next === 'give-up') {
      this.state = { ...this.state, status: 'failed', lastError: error };
      this.changes.push('failed');
    } else {
      this.state = {
        ...this.state,
        lastError: error,
        nextAttemptAt: new Date(now.getTime() + next.retryInMs),
      };
      this.changes.push('retry-scheduled');
    }
  }

  /** A new round of attempts for a failed delivery, e.g. once the receiver is fixed. */
  retry(now: Date, subscriptionLive: boolean): void {
    if (this.state.status !== 'failed' || !subscriptionLive) {
      throw new DomainError(
        'conflict',
        `delivery ${this.id} is ${this.status}; only a failed delivery of a live subscription can be retried`,
        { deliveryStatus: this.status },
      );
    }
    this.state = { ...this.state, status: 'pending', attempts: 0, nextAttemptAt: now };
    this.changes.push('retried');
  }

  /** Stops a pending delivery for good; false when it is no longer pending. */
  cancel(reason: string): boolean {
    if (this.state.status !== 'pending') return false;
    this.state = { ...this.state, status: 'cancelled', lastError: reason };
    this.changes.push('cancelled');
    return true;
  }

  /**
   * What changed since it was loaded, and the status it was stored with (null: new); forgets both.
   * The repository writes only over that status, so a change made meanwhile (a delivery cancelled
   * while its attempt was in flight) is not overwritten.
   */
  pullChanges(): { storedStatus: DeliveryStatus | null; changes: DeliveryChange[] } {
    const pulled = { storedStatus: this.storedStatus, changes: this.changes };
    this.changes = [];
    this.storedStatus = this.state.status;
    return pulled;
  }
}

/** Whether saving these changes makes a delivery due now (the senders should look). */
export const becameDue = (changes: DeliveryChange[]): boolean =>
  changes.includes('queued') || changes.includes('retried');
