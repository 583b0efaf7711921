import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DepartmentStatsQuery } from './department-stats.query';
import { DepartmentStatsRequestDto } from './department-stats.request.dto';
import { DepartmentStatsResponseDto } from './department-stats.response.dto';

@ApiTags('dispatch stats')
@Controller('api/v1/dispatch/stats')
export class DepartmentStatsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('departments')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Assignments, transfer requests and outcomes, and reopens per department (回退率 / 重办率 inputs)',
  })
  @ApiOkResponse({ type: DepartmentStatsResponseDto, description: 'one row per department, for the period' })
  @ApiBadRequestResponse({ description: 'from or to is not an ISO 8601 date or date-time' })
  stats(@Query() q: DepartmentStatsRequestDto): Promise<DepartmentStatsResponseDto> {
    return this.queries.execute(
      DepartmentStatsQuery.create({
        from: q.from ? new Date(q.from) : null,
        to: q.to ? new Date(q.to) : null,
      }),
    );
  }
}
