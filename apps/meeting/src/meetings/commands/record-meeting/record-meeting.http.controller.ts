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
import { RecordMeetingCommand } from './record-meeting.command';
import { RecordMeetingRequestDto } from './record-meeting.request.dto';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class RecordMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/record')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Record a held meeting: attendance, summary, and one decision (议定事项) per decided item — lead, co-handlers, task, working days; each decision’s clock starts',
  })
  @ApiOkResponse({ type: MeetingChangedResponseDto, description: 'the meeting, held, with its decisions' })
  @ApiBadRequestResponse({
    description:
      'a field is missing or malformed, names an unknown department, enterprise or agenda item, or an item twice (named); nothing is written',
  })
  @ApiForbiddenResponse({ description: 'only the committee and admin run meetings' })
  @ApiNotFoundResponse({ description: 'no such meeting' })
  @ApiConflictResponse({ description: 'already held or cancelled, or expectedVersion is stale' })
  record(
    @IdParam() id: string,
    @Body() dto: RecordMeetingRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<MeetingChangedResponseDto> {
    return this.commands.execute(
      RecordMeetingCommand.create({
        user,
        meetingId: id,
        expectedVersion: dto.expectedVersion,
        heldAt: dto.heldAt ? new Date(dto.heldAt) : new Date(),
        attendance: {
          departmentIds: dto.attendance.departmentIds,
          enterpriseIds: dto.attendance.enterpriseIds,
          people: dto.attendance.people,
        },
        summary: dto.summary,
        decisions: dto.decisions.map((d) => ({
          itemId: d.itemId,
          title: d.title,
          task: d.task,
          leadDepartmentId: d.leadDepartmentId,
          coHandlerDepartmentIds: d.coHandlerDepartmentIds ?? [],
          dueWorkingDays: d.dueWorkingDays,
          cooperation: d.cooperation ?? false,
        })),
      }),
    );
  }
}
