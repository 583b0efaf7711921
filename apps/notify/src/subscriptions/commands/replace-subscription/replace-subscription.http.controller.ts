import { Body, Controller, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/problems';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { ReplaceSubscriptionHandler } from './replace-subscription.handler';
import { ReplaceSubscriptionRequestDto } from './replace-subscription.request.dto';

@ApiTags('notify: subscriptions')
@Controller('api/v1/notify/subscriptions')
export class ReplaceSubscriptionHttpController {
  constructor(private readonly handler: ReplaceSubscriptionHandler) {}

  @Put(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Replace a subscription (omit secret to keep the stored one)' })
  @ApiOkResponse({ type: SubscriptionResponseDto })
  @ApiBadRequestResponse({ description: 'a field at fault, named in errors[]; nothing is written' })
  @ApiNotFoundResponse({ description: 'no such subscription' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  replace(
    @IdParam() id: string,
    @Body() dto: ReplaceSubscriptionRequestDto,
  ): Promise<SubscriptionResponseDto> {
    return this.handler.execute(id, dto);
  }
}
