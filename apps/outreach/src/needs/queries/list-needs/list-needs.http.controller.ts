import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { NeedPageDto } from '../../need.response.dto';
import { ListNeedsQuery } from './list-needs.query';
import { ListNeedsRequestDto } from './list-needs.request.dto';

@ApiTags('outreach: needs')
@Controller('api/v1/outreach/needs')
export class ListNeedsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      '需求清单: an enterprise’s own, an instructor’s grids, a department’s routed needs, all for the committee',
  })
  @ApiOkResponse({ type: NeedPageDto, description: 'a page of needs' })
  @ApiBadRequestResponse({ description: 'a filter is malformed (named)' })
  list(@Query() q: ListNeedsRequestDto, @CurrentUser() user: AuthUser): Promise<NeedPageDto> {
    return this.queries.execute(
      ListNeedsQuery.create({
        user,
        enterpriseId: q.enterpriseId,
        status: q.status,
        kind: q.kind,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
