import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Matches, MaxLength } from 'class-validator';
import { YEAR_PATTERN } from '../../../shared/query-fields';
import { VisitAllowances } from './get-visit-allowances.handler';
import { GetVisitAllowancesQuery } from './get-visit-allowances.query';
import { VisitAllowancesDto } from '../../instructors.response.dto';

export class GetVisitAllowancesRequestDto {
  @ApiProperty({ example: '2026', maxLength: 4 })
  @MaxLength(4, { message: 'year must be YYYY' })
  @Matches(YEAR_PATTERN, { message: 'year must be YYYY, e.g. 2026' })
  year!: string;
}

@ApiTags('ledger: instructors')
@Controller('api/v1/ledger/instructors/visits')
export class GetVisitAllowancesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'instructor')
  @ApiOperation({
    summary:
      'Visits per instructor and month of a year (all, and on site), what allowances are paid on; an instructor sees their own row',
  })
  @ApiOkResponse({ type: VisitAllowancesDto, description: 'visits per instructor and month' })
  @ApiBadRequestResponse({ description: 'year missing or not YYYY' })
  visits(@CurrentUser() user: AuthUser, @Query() q: GetVisitAllowancesRequestDto): Promise<VisitAllowances> {
    return this.queries.execute(GetVisitAllowancesQuery.create({ user, year: q.year }));
  }
}
