import { EventEnvelope } from '@ticketing/contracts';
import { Statement, writeBehind } from '@ticketing/database';
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

  /** The channel the relay listens on: a save that writes its rows with others notifies it. */
  get channel(): string {
    return outboxChannel(this.schema);
  }

  async append(manager: EntityManager, topic: string, events: EventEnvelope<unknown>[]): Promise<void> {
    const rows = this.rows(manager, topic, events);
    // One statement, the rows and the relay's wake-up, sent behind: it leaves with the transaction's
    // next statement or its COMMIT (ADR 0023).
    if (rows) await writeBehind(manager, [rows], [this.channel]);
  }

  /**
   * The INSERT of these events' rows (null for none), for a repository that writes them with its
   * own rows in one statement (writeTogether or writeBehind, with {@link channel} to notify).
   */
  rows(manager: EntityManager, topic: string, events: EventEnvelope<unknown>[]): Statement | null {
    if (!events.length) return null;
    if (!manager.queryRunner?.isTransactionActive) throw new OutboxNeedsTransactionError();
    const values: unknown[] = [];
    const tuples = events.map((e, i) => {
      values.push(e.id, topic, e.aggregateId, e.type, JSON.stringify(e));
      const b = i * 5;
      return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
    });
    return [
      `INSERT INTO "${this.schema}".outbox (id, topic, key, type, envelope) VALUES ${tuples.join(', ')}`,
      values,
    ];
  }
}
