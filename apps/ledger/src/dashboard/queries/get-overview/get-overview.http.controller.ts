import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { currentMonth, OptionalMonth } from '../../../shared/query-fields';
import { GetOverviewQuery } from './get-overview.query';
import { OverviewResponseDto } from '../../dashboard.response.dto';

export class GetOverviewRequestDto {
  @OptionalMonth()
  month?: string;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/overview')
export class GetOverviewHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      "The committee's overview of a month: totals, the seven rates, the committee's triage timeliness, joint meetings (held, decided, solved, cooperations), overdue yellow/red now, backlog by age, ranking",
  })
  @ApiOkResponse({ type: OverviewResponseDto, description: 'the month’s overview' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  overview(@Query() q: GetOverviewRequestDto) {
    return this.queries.execute(GetOverviewQuery.create({ month: q.month ?? currentMonth() }));
  }
}
