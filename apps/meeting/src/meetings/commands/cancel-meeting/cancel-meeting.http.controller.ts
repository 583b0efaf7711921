import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { CancelMeetingCommand } from './cancel-meeting.command';
import { CancelMeetingRequestDto } from './cancel-meeting.request.dto';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class CancelMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Call off a scheduled meeting, with a reason (the invited are told)' })
  @ApiOkResponse({ type: MeetingChangedResponseDto, description: 'the meeting, cancelled' })
  @ApiBadRequestResponse({ description: 'no reason, or a malformed field (named)' })
  @ApiForbiddenResponse({ description: 'only the committee and admin run meetings' })
  @ApiNotFoundResponse({ description: 'no such meeting' })
  @ApiConflictResponse({ description: 'the meeting was held or cancelled, or expectedVersion is stale' })
  cancel(
    @IdParam() id: string,
    @Body() dto: CancelMeetingRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingChangedResponseDto> {
    return this.commands.execute(
      CancelMeetingCommand.create({
        user,
        meetingId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason,
      }),
    );
  }
}
