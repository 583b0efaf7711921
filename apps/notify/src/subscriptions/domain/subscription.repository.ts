import { Subscription } from './subscription.aggregate';

/**
 * Subscriptions, live ones only (a deleted subscription is not found). A port: the TypeORM
 * implementation stores them, the in-memory one serves the handler specs.
 */
export abstract class SubscriptionRepository {
  /** Reads it without a lock. */
  abstract get(id: string): Promise<Subscription | null>;

  /** Reads it and locks it for the rest of the unit of work: changes to one subscription are serialised. */
  abstract lock(id: string): Promise<Subscription | null>;

  /** The enabled subscriptions to one event type, by id. */
  abstract forEvent(type: string): Promise<Subscription[]>;

  abstract save(subscription: Subscription): Promise<void>;
}
