import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE } from '@ticketing/platform';
import { DeliveryPageDto } from '../../delivery.response.dto';
import { ListDeliveriesQuery } from './list-deliveries.query';
import { ListDeliveriesQueryDto } from './list-deliveries.query.dto';

@ApiTags('notify: deliveries')
@Controller('api/v1/notify/deliveries')
export class ListDeliveriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Deliveries, newest first; ?status=failed lists what needs a retry' })
  @ApiOkResponse({ type: DeliveryPageDto, description: 'a page of deliveries, newest first' })
  @ApiBadRequestResponse({ description: 'a query parameter at fault, named in errors[]' })
  list(@Query() q: ListDeliveriesQueryDto): Promise<DeliveryPageDto> {
    return this.queries.execute(
      ListDeliveriesQuery.create({
        status: q.status,
        subscriptionId: q.subscriptionId,
        cursor: q.cursor,
        limit: q.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }
}
