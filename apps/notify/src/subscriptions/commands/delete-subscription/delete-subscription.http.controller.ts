import { Controller, Delete, HttpCode } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam, notFound } from '../../../shared/problems';
import { SubscriptionRepository } from '../../infrastructure/subscription.repository';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class DeleteSubscriptionHttpController {
  constructor(private readonly repo: SubscriptionRepository) {}

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Delete a subscription; its pending deliveries are cancelled, its history stays' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  async remove(@IdParam() id: string): Promise<void> {
    if (!(await this.repo.delete(id))) throw notFound('subscription', id);
  }
}
