import { EventType, RecordedChange } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { newEvent } from '../events';
import { OutboxWriter } from './outbox.writer';

/**
 * A service's history of its records and their outbox events, written in the unit of work's
 * transaction by each repository's save, beside the record's row: one `<schema>.history` row
 * (append-only: the database refuses updates and deletes) and one event on `topic` per change.
 * A service provides it with its own schema and topic (`ChangeLog.forService`).
 */
export class ChangeLog<U extends EventType = EventType> {
  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
    private readonly schema: string,
    private readonly topic: string,
  ) {}

  async append(aggregateType: string, aggregateId: string, changes: RecordedChange<U>[]): Promise<void> {
    if (!changes.length) return;
    const manager = this.tx.writer;
    const events = changes.map((c) =>
      newEvent({
        type: c.eventType,
        aggregateId,
        aggregateVersion: c.version,
        actor: c.actor,
        payload: c.payload,
        occurredAt: c.at,
      }),
    );
    const values: unknown[] = [];
    const rows = changes.map((c, i) => {
      values.push(
        aggregateType,
        aggregateId,
        c.version,
        c.eventType,
        events[i].id,
        c.actor.id,
        c.actor.role,
        c.at,
        JSON.stringify(c.payload),
      );
      const b = i * 9;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO ${this.schema}.history (aggregate_type, aggregate_id, version, event_type, event_id, actor_id, actor_role, occurred_at, payload)
       VALUES ${rows.join(', ')}`,
      values,
    );
    await this.outbox.append(manager, this.topic, events);
  }
}
