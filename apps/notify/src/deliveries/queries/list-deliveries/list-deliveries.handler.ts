import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField, toPage } from '@ticketing/platform';
import { isUUID } from 'class-validator';
import { DeliveryPageDto } from '../../delivery.response.dto';
import { DeliveryReader } from '../../infrastructure/delivery.reader';
import { ListDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery, DeliveryPageDto> {
  constructor(private readonly reader: DeliveryReader) {}

  async execute(q: ListDeliveriesQuery): Promise<DeliveryPageDto> {
    if (q.cursor !== undefined && !isUUID(q.cursor))
      throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
    const rows = await this.reader.page({
      status: q.status ?? null,
      subscriptionId: q.subscriptionId ?? null,
      after: q.cursor ?? null,
      limit: q.limit,
    });
    return toPage(
      rows,
      q.limit,
      (d) => d,
      (d) => d.id,
    );
  }
}
