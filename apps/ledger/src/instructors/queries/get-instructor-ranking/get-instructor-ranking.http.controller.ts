import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { RequiredPeriod } from '../../../shared/query-fields';
import { InstructorRanking } from './get-instructor-ranking.handler';
import { GetInstructorRankingQuery } from './get-instructor-ranking.query';
import { InstructorRankingDto } from '../../instructors.response.dto';

export class GetInstructorRankingRequestDto {
  @RequiredPeriod()
  period!: string;
}

@ApiTags('ledger: instructors')
@Controller('api/v1/ledger/instructors/ranking')
export class GetInstructorRankingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'instructor')
  @ApiOperation({
    summary:
      '量化积分: the instructors of a month, quarter or year, best first, with each part of the score and the counts behind it (published to every instructor; the visits and tickets behind them are each instructor’s own: …/instructors/{id}/figures)',
  })
  @ApiOkResponse({
    type: InstructorRankingDto,
    description: 'the period’s instructors, best first, with the formula',
  })
  @ApiBadRequestResponse({ description: 'period missing or not 2026-12 / 2026-Q4 / 2026' })
  ranking(@Query() q: GetInstructorRankingRequestDto): Promise<InstructorRanking> {
    return this.queries.execute(GetInstructorRankingQuery.create({ period: q.period }));
  }
}
