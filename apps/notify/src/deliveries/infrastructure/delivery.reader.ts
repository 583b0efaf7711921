import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { DeliveryResponseDto } from '../delivery.response.dto';
import { DeliveryStatus } from '../domain/delivery.aggregate';
import { DeliveryMapper, DeliveryRow } from './delivery.mapper';

/** The admin's view of deliveries, newest first, with their subscription's name. */
@Injectable()
export class DeliveryReader {
  constructor(private readonly tx: TransactionContext) {}

  /** One page, fetched with one row more than `limit` (it tells whether there is a next page). */
  async page(filter: {
    status: DeliveryStatus | null;
    subscriptionId: string | null;
    /** The id of the last delivery of the previous page. */
    after: string | null;
    limit: number;
  }): Promise<DeliveryResponseDto[]> {
    const rows: (DeliveryRow & { subscription_name: string })[] = await this.tx.manager.query(
      `SELECT d.*, s.name AS subscription_name FROM notify.deliveries d JOIN notify.subscriptions s ON s.id = d.subscription_id
        WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.subscription_id = $2) AND ($3::uuid IS NULL OR d.id < $3)
        ORDER BY d.id DESC LIMIT $4`,
      [filter.status, filter.subscriptionId, filter.after, filter.limit + 1],
    );
    return rows.map((r) =>
      DeliveryResponseDto.of(DeliveryMapper.toDomain(r).snapshot(), r.subscription_name),
    );
  }
}
