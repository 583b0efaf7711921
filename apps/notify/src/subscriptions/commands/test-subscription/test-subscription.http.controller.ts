import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/problems';
import { TestSubscriptionHandler } from './test-subscription.handler';
import { TestSubscriptionResponseDto } from './test-subscription.response.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class TestSubscriptionHttpController {
  constructor(private readonly handler: TestSubscriptionHandler) {}

  @Post(':id/test')
  @HttpCode(200)
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Send a sample message now and report what the receiver answered' })
  @ApiOkResponse({
    type: TestSubscriptionResponseDto,
    description: "sent or not: the receiver's answer is in the body",
  })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  test(@IdParam() id: string): Promise<TestSubscriptionResponseDto> {
    return this.handler.execute(id);
  }
}
