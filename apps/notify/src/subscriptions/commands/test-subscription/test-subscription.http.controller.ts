import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { TestSubscriptionCommand } from './test-subscription.command';
import { TestSubscriptionResponseDto } from './test-subscription.response.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class TestSubscriptionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/test')
  @HttpCode(200)
  @Roles('admin', 'committee')
  @ApiOperation({
    summary:
      "Send a sample message now and report what the receiver answered (sms: to the caller's own mobile number)",
  })
  @ApiOkResponse({
    type: TestSubscriptionResponseDto,
    description: "sent or not: the receiver's answer is in the body",
  })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  test(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<TestSubscriptionResponseDto> {
    return this.commands.execute(TestSubscriptionCommand.create({ id, requestedBy: user.id }));
  }
}
