import { Injectable } from '@nestjs/common';
import { mutate, statementBehind, TransactionContext } from '@ticketing/database';
import { DELIVERIES_CHANNEL } from '../../notify.constants';
import { becameDue, Delivery } from '../domain/delivery.aggregate';
import { DeliveryRepository } from '../domain/delivery.repository';
import { DeliveryMapper, DeliveryRow } from './delivery.mapper';

@Injectable()
export class TypeormDeliveryRepository extends DeliveryRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lock(id: string): Promise<Delivery | null> {
    const [row]: DeliveryRow[] = await this.tx.writer.query(
      'SELECT * FROM notify.deliveries WHERE id = $1 FOR UPDATE',
      [id],
    );
    return row ? DeliveryMapper.toDomain(row) : null;
  }

  async save(deliveries: Delivery[]): Promise<number> {
    const m = this.tx.writer;
    const added: Delivery[] = [];
    let written = 0;
    let due = 0;
    for (const d of deliveries) {
      const { storedStatus, changes } = d.pullChanges();
      if (!changes.length) continue;
      if (storedStatus === null) {
        added.push(d);
        continue;
      }
      const s = d.snapshot();
      const rows = await mutate(
        m,
        `UPDATE notify.deliveries SET status = $3, attempts = $4, next_attempt_at = $5, last_error = $6, last_attempt_at = $7,
           delivered_at = $8 WHERE id = $1 AND status = $2 RETURNING id`,
        [
          s.id,
          storedStatus,
          s.status,
          s.attempts,
          s.nextAttemptAt,
          s.lastError,
          s.lastAttemptAt,
          s.deliveredAt,
        ],
      );
      written += rows.length;
      if (rows.length && becameDue(changes)) due += 1;
    }
    if (added.length) {
      // One statement for every subscription an event matched; the unique constraint drops a
      // delivery its subscription already has (the same event applied twice).
      const rows = added.map((d) => d.snapshot());
      const inserted: unknown[] = await m.query(
        `INSERT INTO notify.deliveries (id, subscription_id, event_id, event_type, event_occurred_at, ticket_id, channel, status, message)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::jsonb[])
         ON CONFLICT ON CONSTRAINT deliveries_once_per_subscription DO NOTHING RETURNING id`,
        [
          rows.map((r) => r.id),
          rows.map((r) => r.subscriptionId),
          rows.map((r) => r.eventId),
          rows.map((r) => r.eventType),
          rows.map((r) => r.eventOccurredAt),
          rows.map((r) => r.ticketId),
          rows.map((r) => r.channel),
          rows.map((r) => r.status),
          rows.map((r) => JSON.stringify(r.message)),
        ],
      );
      written += inserted.length;
      due += inserted.length;
    }
    // Delivered at commit: the senders look as soon as the rows are visible. Nothing waits for
    // it: it leaves with the next statement or the COMMIT (ADR 0023).
    if (due) await statementBehind(m, 'SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, String(due)]);
    return written;
  }

  async cancelPendingOf(subscriptionId: string, reason: string): Promise<number> {
    const rows = await mutate(
      this.tx.writer,
      "UPDATE notify.deliveries SET status = 'cancelled', last_error = $2 WHERE subscription_id = $1 AND status = 'pending' RETURNING id",
      [subscriptionId, reason],
    );
    return rows.length;
  }
}
