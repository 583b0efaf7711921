import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { NOTIFY_SCHEMA } from '../../../shared/queryable';
import { DELIVERY_SELECT, DeliveryPageDto, DeliveryRow, toDeliveryDto } from '../../delivery.response.dto';
import { ListDeliveriesQueryDto } from './list-deliveries.query.dto';

@ApiTags('notify: deliveries')
@Controller('api/v1/notify/deliveries')
export class ListDeliveriesHttpController {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Deliveries, newest first; ?status=failed lists what needs a retry' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ description: 'a query parameter at fault, named in errors[]' })
  async list(@Query() q: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    const limit = q.limit ?? 50;
    const rows: DeliveryRow[] = await this.ds.query(
      `${DELIVERY_SELECT}
        WHERE ($1::text IS NULL OR d.status = $1) AND ($2::uuid IS NULL OR d.subscription_id = $2) AND ($3::uuid IS NULL OR d.id < $3)
        ORDER BY d.id DESC LIMIT $4`,
      [q.status ?? null, q.subscriptionId ?? null, q.cursor ?? null, limit + 1],
    );
    const items = rows.slice(0, limit);
    return {
      items: items.map(toDeliveryDto),
      nextCursor: rows.length > limit ? items[items.length - 1].id : null,
    };
  }
}
