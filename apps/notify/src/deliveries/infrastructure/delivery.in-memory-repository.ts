import { becameDue, Delivery, DeliveryState } from '../domain/delivery.aggregate';
import { DeliveryRepository } from '../domain/delivery.repository';

/** Deliveries in a map, for handler specs: what the TypeORM repository stores, without a database. */
export class InMemoryDeliveryRepository extends DeliveryRepository {
  readonly rows = new Map<string, DeliveryState>();
  /** The senders were told this many deliveries became due (the NOTIFY of the TypeORM repository). */
  wakeUps = 0;

  constructor(seed: Delivery[] = []) {
    super();
    for (const d of seed) this.rows.set(d.id, d.snapshot());
  }

  async lock(id: string): Promise<Delivery | null> {
    const row = this.rows.get(id);
    return row ? Delivery.restore(row) : null;
  }

  async save(deliveries: Delivery[]): Promise<number> {
    let written = 0;
    for (const d of deliveries) {
      const { storedStatus, changes } = d.pullChanges();
      if (!changes.length) continue;
      const s = d.snapshot();
      const current = this.rows.get(s.id);
      if (storedStatus === null) {
        const taken = [...this.rows.values()].some(
          (r) => r.subscriptionId === s.subscriptionId && r.eventId === s.eventId,
        );
        if (current || taken) continue;
      } else if (current?.status !== storedStatus) continue;
      this.rows.set(s.id, s);
      written += 1;
      if (becameDue(changes)) this.wakeUps += 1;
    }
    return written;
  }

  async cancelPendingOf(subscriptionId: string, reason: string): Promise<number> {
    const mine = [...this.rows.values()].filter((r) => r.subscriptionId === subscriptionId);
    const cancelled = mine.map((r) => Delivery.restore(r)).filter((d) => d.cancel(reason));
    for (const d of cancelled) {
      d.pullChanges();
      this.rows.set(d.id, d.snapshot());
    }
    return cancelled.length;
  }
}
