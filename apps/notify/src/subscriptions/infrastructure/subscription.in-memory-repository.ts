import { Subscription, SubscriptionState } from '../domain/subscription.aggregate';
import { SubscriptionRepository } from '../domain/subscription.repository';

/** Subscriptions in a map, for handler specs: what the TypeORM repository stores, without a database. */
export class InMemorySubscriptionRepository extends SubscriptionRepository {
  readonly rows = new Map<string, SubscriptionState>();
  /** How many times each was written. */
  readonly writes = new Map<string, number>();

  constructor(seed: Subscription[] = []) {
    super();
    for (const s of seed) this.rows.set(s.id, s.snapshot());
  }

  async get(id: string): Promise<Subscription | null> {
    const row = this.rows.get(id);
    return row && !row.deletedAt ? Subscription.restore(row) : null;
  }

  lock(id: string): Promise<Subscription | null> {
    return this.get(id);
  }

  async forEvent(type: string): Promise<Subscription[]> {
    return [...this.rows.values()]
      .filter((r) => r.enabled && !r.deletedAt && r.events.includes(type))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => Subscription.restore(r));
  }

  async save(subscription: Subscription): Promise<void> {
    const { storedVersion, changes } = subscription.pullChanges();
    if (!changes.length) return;
    const current = this.rows.get(subscription.id);
    if (storedVersion === 0 ? current : current?.version !== storedVersion)
      throw new Error(`subscription ${subscription.id} was not at version ${storedVersion} when saving`);
    this.rows.set(subscription.id, subscription.snapshot());
    this.writes.set(subscription.id, (this.writes.get(subscription.id) ?? 0) + 1);
  }
}
