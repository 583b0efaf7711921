import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { currentMonth, OptionalMonth } from '../../../shared/query-fields';
import { GetOverviewHandler } from './get-overview.handler';

export class GetOverviewRequestDto {
  @OptionalMonth()
  month?: string;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/overview')
export class GetOverviewHttpController {
  constructor(private readonly handler: GetOverviewHandler) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: "The committee's overview of a month: totals, the seven rates, overdue yellow/red now, backlog by age, ranking" })
  @ApiOkResponse({ description: '{ month, totals, rates, now: { open, backlog, yellow, red, backlogByAge }, ranking }' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  overview(@Query() q: GetOverviewRequestDto) {
    return this.handler.overview(q.month ?? currentMonth());
  }
}
