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
import { OptionalId, OptionalMonth } from '../../../shared/query-fields';
import { HandlerFigures } from './get-handler-figures.handler';
import { GetHandlerFiguresQuery } from './get-handler-figures.query';
import { HandlerFiguresResponseDto } from '../../figures.response.dto';

export class GetHandlerFiguresRequestDto {
  @OptionalId('departmentId')
  departmentId?: string;

  @OptionalMonth('first month, YYYY-MM; default: the current month')
  from?: string;

  @OptionalMonth('last month, YYYY-MM; default: from')
  to?: string;
}

@ApiTags('ledger: figures')
@Controller('api/v1/ledger/figures/handlers')
export class GetHandlerFiguresHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary:
      "One department's counters and rates per handler (承办人, from ticket.handler-assigned); a department sees its own, the committee names one",
  })
  @ApiOkResponse({
    type: HandlerFiguresResponseDto,
    description: 'a row per handler, and one for the tickets without a named handler',
  })
  @ApiBadRequestResponse({
    description: 'a malformed month, to before from, or no departmentId from the committee',
  })
  @ApiForbiddenResponse({ description: "another department's handlers" })
  handlers(@CurrentUser() user: AuthUser, @Query() q: GetHandlerFiguresRequestDto): Promise<HandlerFigures> {
    return this.queries.execute(
      GetHandlerFiguresQuery.create({ user, departmentId: q.departmentId, from: q.from, to: q.to }),
    );
  }
}
