import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { SmsPreferenceResponseDto } from '../../sms-preference.response.dto';
import { SetSmsPreferenceCommand } from './set-sms-preference.command';
import { SetSmsPreferenceRequestDto } from './set-sms-preference.request.dto';

@ApiTags('notify: sms')
@Controller('api/v1/notify/sms-preference')
export class SetSmsPreferenceHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @Roles('enterprise')
  @ApiOperation({ summary: "Turn SMS about my enterprise's tickets off or on (to its contact's phone)" })
  @ApiOkResponse({ type: SmsPreferenceResponseDto, description: 'the preference after the change' })
  @ApiBadRequestResponse({ description: 'enabled is not true or false; nothing is written' })
  @ApiForbiddenResponse({ description: 'not an enterprise user' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  set(
    @Body() dto: SetSmsPreferenceRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SmsPreferenceResponseDto> {
    return this.commands.execute(
      SetSmsPreferenceCommand.create({ user, enabled: dto.enabled, expectedVersion: dto.expectedVersion }),
    );
  }
}
