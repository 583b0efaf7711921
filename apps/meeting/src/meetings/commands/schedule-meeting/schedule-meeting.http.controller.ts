import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { invalidField } from '@ticketing/platform';
import { v5 } from 'uuid';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { ScheduleMeetingRequestDto } from './schedule-meeting.request.dto';

/** The namespace of meeting ids made from a caller's Idempotency-Key (a retry names the same meeting). */
const IDEMPOTENCY_NAMESPACE = '6f1c3b3e-2d0a-4f51-9d0e-7a0f3c9b2e11';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class ScheduleMeetingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      '联席会议: schedule a joint meeting (time, place, convenor) with its agenda; open decisions of earlier meetings join as follow-ups; the departments and enterprises of the items are invited',
  })
  @ApiHeader({
    // The name @Headers() reads, so the document lists the header once, as optional.
    name: 'idempotency-key',
    required: false,
    description: 'a retry with the same key answers the meeting it created, writing nothing',
  })
  @ApiCreatedResponse({
    type: MeetingChangedResponseDto,
    description: 'the meeting as scheduled (a retry with the same Idempotency-Key answers the same meeting)',
  })
  @ApiBadRequestResponse({
    description:
      'a field is missing or malformed, or names an unknown ticket, need, department or enterprise (named); nothing is written',
  })
  @ApiForbiddenResponse({ description: 'only the committee and admin run meetings' })
  schedule(
    @Body() dto: ScheduleMeetingRequestDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') key?: string,
  ): Promise<MeetingChangedResponseDto> {
    if (key !== undefined && !/^[\x21-\x7e]{1,200}$/.test(key))
      throw invalidField('Idempotency-Key', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    return this.commands.execute(
      ScheduleMeetingCommand.create({
        user,
        meetingId: key ? v5(`${user.id}\n${key}`, IDEMPOTENCY_NAMESPACE) : newId(),
        title: dto.title,
        startsAt: new Date(dto.startsAt),
        place: dto.place,
        convenorUserId: dto.convenorUserId,
        items: dto.items,
        invitedDepartmentIds: dto.invitedDepartmentIds ?? [],
        invitedEnterpriseIds: dto.invitedEnterpriseIds ?? [],
        followUps: dto.followUps ?? true,
      }),
    );
  }
}
