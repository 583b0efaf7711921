import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { ListSubscriptionsQuery } from './list-subscriptions.query';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class ListSubscriptionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Every subscription (robot keys masked, secrets never shown)' })
  @ApiOkResponse({ type: [SubscriptionResponseDto], description: 'every subscription' })
  list(): Promise<SubscriptionResponseDto[]> {
    return this.queries.execute(ListSubscriptionsQuery.create({}));
  }
}
