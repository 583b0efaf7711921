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
import { DecisionPageDto } from '../../decision.response.dto';
import { ListDecisionsQuery } from './list-decisions.query';
import { ListDecisionsRequestDto } from './list-decisions.request.dto';

@ApiTags('meetings: decisions')
@Controller('api/v1/meetings/decisions')
export class ListDecisionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      '议定事项: a department’s queue (mine=true: those it leads or co-handles, with deadline and 黄牌/红牌), an enterprise’s on its tickets, all for the committee',
  })
  @ApiOkResponse({ type: DecisionPageDto, description: 'a page of decisions' })
  @ApiBadRequestResponse({
    description: 'a filter is malformed, or mine=true from a role without a department (named)',
  })
  @ApiForbiddenResponse({ description: 'instructors have no part in meetings' })
  list(@Query() q: ListDecisionsRequestDto, @CurrentUser() user: AuthUser): Promise<DecisionPageDto> {
    return this.queries.execute(
      ListDecisionsQuery.create({
        user,
        mine: q.mine,
        status: q.status,
        flag: q.flag,
        meetingId: q.meetingId,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
