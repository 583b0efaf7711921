import { EventEnvelope } from '@ticketing/contracts';
import { DataSource, EntityManager } from 'typeorm';

export type EventEffect = (
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
) => Promise<void>;

/** Applies several fresh events, in order, in one call (the inbox transaction is the caller's). */
export type EventsEffect = (
  events: EventEnvelope<Record<string, unknown>>[],
  manager: EntityManager,
) => Promise<void>;

export interface InboxItem {
  topic: string;
  event: EventEnvelope<Record<string, unknown>>;
}

/**
 * Applies an event's effect exactly once per consumer: the inbox row (consumer, event id) and the
 * effect are written in one transaction, so a redelivered event finds its row and is skipped,
 * and a failed effect leaves no row behind and is retried.
 */
export class InboxProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    readonly consumer: string,
  ) {}

  /** Returns false when the event had already been applied. */
  async process(
    topic: string,
    event: EventEnvelope<Record<string, unknown>>,
    effect: EventEffect,
  ): Promise<boolean> {
    return (await this.processBatch([{ topic, event }], effect)) === 1;
  }

  /**
   * Applies several events in order in ONE transaction (one commit instead of many): the inbox rows
   * go in with one statement, and only the events not seen before reach the effect. All or nothing.
   * With `many`, the fresh events go to it in ONE call, in delivery order (so per-key order holds),
   * instead of to `effect` one by one. Returns how many were applied.
   */
  async processBatch(items: InboxItem[], effect: EventEffect, many?: EventsEffect): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
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
    });
  }
}
