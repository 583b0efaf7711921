import { TransactionContext } from '@ticketing/database';
import { DataSource, EntityManager } from 'typeorm';

/** What the inbox needs of an event: its id and type. */
export interface InboxEvent {
  id: string;
  type: string;
}

export type EventEffect<E extends InboxEvent> = (event: E, manager: EntityManager) => Promise<void>;

/** Applies several fresh events, in order, in one call (the inbox transaction is the caller's). */
export type EventsEffect<E extends InboxEvent> = (events: E[], manager: EntityManager) => Promise<void>;

export interface InboxItem<E extends InboxEvent> {
  topic: string;
  event: E;
}

/**
 * Applies an event's effect exactly once per consumer: the inbox row (consumer, event id) and the
 * effect are written in one transaction, so a redelivered event finds its row and is skipped,
 * and a failed effect leaves no row behind and is retried. The effect runs with that transaction
 * as its unit of work (TransactionContext), so repositories used by the handlers it calls join it.
 */
export class InboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    readonly consumer: string,
  ) {}

  /** Returns false when the event had already been applied. */
  async process<E extends InboxEvent>(topic: string, event: E, effect: EventEffect<E>): Promise<boolean> {
    return (await this.processBatch([{ topic, event }], effect)) === 1;
  }

  /**
   * Applies several events in order in ONE transaction (one commit instead of many): the inbox rows
   * go in with one statement, and only the events not seen before reach the effect. All or nothing.
   * With `many`, the fresh events go to it in ONE call, in delivery order (so per-key order holds),
   * instead of to `effect` one by one. Returns how many were applied.
   */
  async processBatch<E extends InboxEvent>(
    items: InboxItem<E>[],
    effect: EventEffect<E>,
    many?: EventsEffect<E>,
  ): Promise<number> {
    return this.dataSource.transaction((manager) =>
      TransactionContext.join(this.dataSource, manager, async () => {
        const inserted: { event_id: string }[] = await manager.query(
          `INSERT INTO "${this.schema}".inbox (consumer, event_id, topic, event_type)
           SELECT $1, e.id, e.topic, e.type FROM unnest($2::uuid[], $3::text[], $4::text[]) AS e(id, topic, type)
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [
            this.consumer,
            items.map((i) => i.event.id),
            items.map((i) => i.topic),
            items.map((i) => i.event.type),
          ],
        );
        const fresh = new Set(inserted.map((r) => r.event_id));
        // delete: the same event twice in one batch is applied once (its first delivery)
        const events = items.filter((i) => fresh.delete(i.event.id)).map((i) => i.event);
        if (many) {
          if (events.length) await many(events, manager);
        } else {
          for (const event of events) await effect(event, manager);
        }
        return events.length;
      }),
    );
  }
}
