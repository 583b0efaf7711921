import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { SubscriptionRepository } from '../../infrastructure/subscription.repository';
import { SubscriptionResponseDto } from '../../subscription.response.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class ListSubscriptionsHttpController {
  constructor(private readonly repo: SubscriptionRepository) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Every subscription (robot keys masked, secrets never shown)' })
  @ApiOkResponse({ type: [SubscriptionResponseDto] })
  async list(): Promise<SubscriptionResponseDto[]> {
    return (await this.repo.list()).map(SubscriptionResponseDto.of);
  }
}
