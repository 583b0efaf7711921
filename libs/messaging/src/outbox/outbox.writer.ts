import { EventEnvelope } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { outboxChannel } from './outbox.sql';

export class OutboxNeedsTransactionError extends Error {
  constructor() {
    super(
      'the outbox writer must join a transaction: call it with the EntityManager of dataSource.transaction()',
    );
    this.name = 'OutboxNeedsTransactionError';
  }
}

/**
 * Writes events to the service's outbox inside the caller's transaction, so the state change and
 * the event announcing it commit together or not at all. The relay is woken by NOTIFY, which
 * PostgreSQL delivers only when the transaction commits.
 */
export class OutboxWriter {
  constructor(readonly schema: string) {}

  async append(manager: EntityManager, topic: string, events: EventEnvelope<unknown>[]): Promise<void> {
    if (!events.length) return;
    if (!manager.queryRunner?.isTransactionActive) throw new OutboxNeedsTransactionError();
    const values: unknown[] = [];
    const rows = events.map((e, i) => {
      values.push(e.id, topic, e.aggregateId, e.type, JSON.stringify(e));
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
    });
    // One round trip: the rows and the relay's wake-up (a data-modifying WITH runs whether or not
    // the query reads it).
    values.push(outboxChannel(this.schema));
    await manager.query(
      `WITH appended AS (INSERT INTO "${this.schema}".outbox (id, topic, key, type, envelope) VALUES ${rows.join(', ')})
       SELECT pg_notify($${values.length}, '')`,
      values,
    );
  }
}
