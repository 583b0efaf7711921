import { Body, Controller, Put } from '@nestjs/common';
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
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { ReplaceSubscriptionCommand } from './replace-subscription.command';
import { ReplaceSubscriptionRequestDto } from './replace-subscription.request.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class ReplaceSubscriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Replace a subscription (omit secret to keep the stored one)' })
  @ApiOkResponse({
    type: SubscriptionResponseDto,
    description: 'the subscription after the change (robot keys masked, secret never shown)',
  })
  @ApiBadRequestResponse({ description: 'a field at fault, named in errors[]; nothing is written' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  replace(
    @IdParam() id: string,
    @Body() dto: ReplaceSubscriptionRequestDto,
  ): Promise<SubscriptionResponseDto> {
    return this.commands.execute(ReplaceSubscriptionCommand.create({ ...dto, id }));
  }
}
