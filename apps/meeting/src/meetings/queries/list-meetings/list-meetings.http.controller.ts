import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ListMeetingsQuery } from './list-meetings.query';
import { MeetingPageDto } from '../../meeting.response.dto';
import { ListMeetingsRequestDto } from './list-meetings.request.dto';
import { dayRange } from '../../../shared/http/day-range';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class ListMeetingsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('department', 'committee', 'admin')
  @ApiOperation({
    summary:
      'Joint meetings: all for the committee; a department’s those it was invited to or owns a decision of',
  })
  @ApiOkResponse({ type: MeetingPageDto, description: 'a page of meetings' })
  @ApiBadRequestResponse({ description: 'a filter is malformed (named)' })
  @ApiForbiddenResponse({ description: 'enterprises and instructors see decisions, not meetings' })
  list(@Query() q: ListMeetingsRequestDto, @CurrentUser() user: AuthUser): Promise<MeetingPageDto> {
    const range = dayRange(q.from, q.to, 3660);
    return this.queries.execute(
      ListMeetingsQuery.create({
        user,
        status: q.status,
        from: range.from,
        to: range.to,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
