import { Controller, Delete, HttpCode } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DeleteSubscriptionCommand } from './delete-subscription.command';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class DeleteSubscriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Delete a subscription; its pending deliveries are cancelled, its history stays' })
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  remove(@IdParam() id: string): Promise<void> {
    return this.commands.execute(DeleteSubscriptionCommand.create({ id }));
  }
}
