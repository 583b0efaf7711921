import { Body, Controller, Patch } from '@nestjs/common';
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
import { UpdateMeetingCommand } from './update-meeting.command';
import { UpdateMeetingRequestDto } from './update-meeting.request.dto';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class UpdateMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Patch(':id')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary: 'Change a scheduled meeting: time, place, convenor, agenda items added or removed, invitations',
  })
  @ApiOkResponse({ type: MeetingChangedResponseDto, description: 'the meeting after the change' })
  @ApiBadRequestResponse({
    description: 'a field is malformed or names something unknown (named), or nothing changes',
  })
  @ApiForbiddenResponse({ description: 'only the committee and admin run meetings' })
  @ApiNotFoundResponse({ description: 'no such meeting' })
  @ApiConflictResponse({
    description: 'the meeting was held or cancelled, or expectedVersion is not the current version',
  })
  update(
    @IdParam() id: string,
    @Body() dto: UpdateMeetingRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingChangedResponseDto> {
    return this.commands.execute(
      UpdateMeetingCommand.create({
        user,
        meetingId: id,
        expectedVersion: dto.expectedVersion,
        title: dto.title,
        startsAt: dto.startsAt !== undefined ? new Date(dto.startsAt) : undefined,
        place: dto.place,
        convenorUserId: dto.convenorUserId,
        addItems: dto.addItems,
        removeItemIds: dto.removeItemIds,
        invitedDepartmentIds: dto.invitedDepartmentIds,
        invitedEnterpriseIds: dto.invitedEnterpriseIds,
      }),
    );
  }
}
