import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { SmsPreferenceResponseDto } from '../../sms-preference.response.dto';
import { GetSmsPreferenceQuery } from './get-sms-preference.query';

@ApiTags('notify: sms')
@Controller('api/v1/notify/sms-preference')
export class GetSmsPreferenceHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise')
  @ApiOperation({
    summary: "Whether SMS about my enterprise's tickets go to its contact's phone (on until turned off)",
  })
  @ApiOkResponse({ type: SmsPreferenceResponseDto, description: 'the preference' })
  @ApiForbiddenResponse({ description: 'not an enterprise user' })
  get(@CurrentUser() user: AuthUser): Promise<SmsPreferenceResponseDto> {
    return this.queries.execute(GetSmsPreferenceQuery.create({ user }));
  }
}
