import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { MeetingResponseDto } from '../../meeting.response.dto';
import { GetMeetingQuery } from './get-meeting.query';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class GetMeetingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('department', 'committee', 'admin')
  @ApiOperation({
    summary: 'One joint meeting whole: agenda with follow-ups, invitations, attendance, summary, decisions',
  })
  @ApiOkResponse({ type: MeetingResponseDto, description: 'the meeting' })
  @ApiForbiddenResponse({ description: 'enterprises and instructors see decisions, not meetings' })
  @ApiNotFoundResponse({ description: 'no such meeting, or not one your department was invited to' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<MeetingResponseDto> {
    return this.queries.execute(GetMeetingQuery.create({ user, meetingId: id }));
  }
}
