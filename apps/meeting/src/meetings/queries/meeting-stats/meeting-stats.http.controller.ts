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
import { dayOf } from '../../../shared/domain/zone-time';
import { dayRange } from '../../../shared/http/day-range';
import { MeetingStatsDto } from '../../meeting.response.dto';
import { MeetingStatsQuery } from './meeting-stats.query';
import { MeetingStatsRequestDto } from './meeting-stats.request.dto';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class MeetingStatsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('stats')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Counts of a period: meetings held, items decided, decisions solved, cooperations reached (with their formulas)',
  })
  @ApiOkResponse({ type: MeetingStatsDto, description: 'the period’s counts, with their formulas' })
  @ApiBadRequestResponse({
    description: 'from or to malformed, to before from, or a span over ten years (named)',
  })
  @ApiForbiddenResponse({ description: 'the committee and admin' })
  stats(@Query() q: MeetingStatsRequestDto, @CurrentUser() user: AuthUser): Promise<MeetingStatsDto> {
    const today = dayOf(new Date());
    const from = q.from ?? `${(q.to ?? today).slice(0, 4)}-01-01`;
    const range = dayRange(from, q.to ?? today, 3660);
    return this.queries.execute(MeetingStatsQuery.create({ user, from: range.from!, to: range.to! }));
  }
}
