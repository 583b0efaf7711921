import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { CreateSubscriptionCommand } from './create-subscription.command';
import { SubscriptionRequestDto } from './create-subscription.request.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class CreateSubscriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('admin', 'committee')
  @ApiOperation({
    summary: 'Subscribe a channel (WeCom/DingTalk robot, webhook, e-mail) to events, optionally filtered',
  })
  @ApiCreatedResponse({
    type: SubscriptionResponseDto,
    description: 'the subscription (robot keys masked, secret never shown)',
  })
  @ApiBadRequestResponse({
    description:
      'unknown event, malformed URL, missing secret, bad e-mail …: every field at fault in errors[]; nothing is written',
  })
  create(
    @Body() dto: SubscriptionRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SubscriptionResponseDto> {
    return this.commands.execute(CreateSubscriptionCommand.create({ ...dto, createdBy: user.id }));
  }
}
