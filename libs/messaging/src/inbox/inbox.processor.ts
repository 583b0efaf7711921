import { EventEnvelope } from '@ticketing/contracts';
import { DataSource, EntityManager } from 'typeorm';

export type EventEffect = (event: EventEnvelope<Record<string, unknown>>, manager: EntityManager) => Promise<void>;

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
  async process(topic: string, event: EventEnvelope<Record<string, unknown>>, effect: EventEffect): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO "${this.schema}".inbox (consumer, event_id, topic, event_type) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        [this.consumer, event.id, topic, event.type],
      );
      if (!inserted.length) return false;
      await effect(event, manager);
      return true;
    });
  }
}
