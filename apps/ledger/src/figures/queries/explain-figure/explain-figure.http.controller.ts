import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ExplainFigureQuery } from './explain-figure.query';
import { ExplainFigureRequestDto } from './explain-figure.request.dto';
import { ExplainFigureResponseDto } from '../../figures.response.dto';

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures/explain')
export class ExplainFigureHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary:
      'The tickets behind one figure: numerator and denominator lists, with the formula and the SQL predicates',
  })
  @ApiOkResponse({
    type: ExplainFigureResponseDto,
    description: 'the figure, its value, and the tickets behind its numerator and denominator',
  })
  @ApiBadRequestResponse({ description: 'unknown figure or malformed month (the field is named)' })
  explain(@CurrentUser() user: AuthUser, @Query() q: ExplainFigureRequestDto) {
    return this.queries.execute(
      ExplainFigureQuery.create({
        user,
        figure: q.figure,
        month: q.month,
        departmentId: q.departmentId,
        category: q.category,
        gridId: q.gridId,
      }),
    );
  }
}
