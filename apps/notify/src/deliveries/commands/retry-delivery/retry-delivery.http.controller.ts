import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DeliveryResponseDto } from '../../delivery.response.dto';
import { RetryDeliveryCommand } from './retry-delivery.command';

@ApiTags('notify: deliveries')
@Controller('api/v1/notify/deliveries')
export class RetryDeliveryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/retry')
  @HttpCode(200)
  @Roles('admin', 'committee')
  @ApiOperation({
    summary:
      'Queue a failed delivery again, with a fresh round of attempts (e.g. after fixing the robot URL)',
  })
  @ApiOkResponse({ type: DeliveryResponseDto, description: 'the delivery, queued again' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such delivery' })
  @ApiConflictResponse({
    description: 'only a failed delivery can be retried (it is pending, delivered or cancelled)',
  })
  retry(@IdParam() id: string): Promise<DeliveryResponseDto> {
    return this.commands.execute(RetryDeliveryCommand.create({ id }));
  }
}
