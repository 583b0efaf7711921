import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ExplainFigureHandler } from './explain-figure.handler';
import { ExplainFigureRequestDto } from './explain-figure.request.dto';

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures/explain')
export class ExplainFigureHttpController {
  constructor(private readonly handler: ExplainFigureHandler) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The tickets behind one figure: numerator and denominator lists, with the formula and the SQL predicates' })
  @ApiOkResponse({ description: '{ figure, formulaZh, formulaEn, value, numerator: { value, parts: [{ counter, count, tickets }] }, denominator: { counter, count, tickets } }' })
  @ApiBadRequestResponse({ description: 'unknown figure or malformed month (the field is named)' })
  explain(@CurrentUser() user: AuthUser, @Query() q: ExplainFigureRequestDto) {
    return this.handler.explain(user, q);
  }
}
