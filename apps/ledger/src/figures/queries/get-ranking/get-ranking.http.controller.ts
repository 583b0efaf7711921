import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { currentMonth, OptionalMonth } from '../../../shared/query-fields';
import { RankingResult } from './get-ranking.handler';
import { GetRankingQuery } from './get-ranking.query';
import { RankingResponseDto } from '../../figures.response.dto';

export class GetRankingRequestDto {
  @OptionalMonth()
  month?: string;
}

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/ranking')
export class GetRankingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Monthly ranking of departments by the documented score (see figures/definitions)',
  })
  @ApiOkResponse({ type: RankingResponseDto, description: 'the month’s departments, best first' })
  @ApiBadRequestResponse({ description: 'month is not YYYY-MM' })
  ranking(@Query() q: GetRankingRequestDto): Promise<RankingResult> {
    return this.queries.execute<GetRankingQuery, RankingResult>(
      GetRankingQuery.create({ month: q.month ?? currentMonth() }),
    );
  }
}
