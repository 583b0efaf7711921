import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { VisitPageDto } from '../../visit.response.dto';
import { ListVisitsQuery } from './list-visits.query';
import { ListVisitsRequestDto } from './list-visits.request.dto';

@ApiTags('outreach: visits')
@Controller('api/v1/outreach/visits')
export class ListVisitsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'instructor', 'committee', 'admin')
  @ApiOperation({
    summary:
      'Visits, newest first: an instructor’s own, an enterprise’s visit history, all for the committee',
  })
  @ApiOkResponse({ type: VisitPageDto, description: 'a page of visits, newest first' })
  @ApiBadRequestResponse({ description: 'a filter is malformed (named)' })
  list(@Query() q: ListVisitsRequestDto, @CurrentUser() user: AuthUser): Promise<VisitPageDto> {
    return this.queries.execute(
      ListVisitsQuery.create({
        user,
        enterpriseId: q.enterpriseId,
        instructorUserId: q.instructorUserId,
        month: q.month,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
