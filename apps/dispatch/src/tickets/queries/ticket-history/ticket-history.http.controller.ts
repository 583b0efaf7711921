import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { TicketIdParam } from '../../../triage/commands/assign-from-triage/assign-from-triage.request.dto';
import { TicketHistoryQuery } from './ticket-history.query';
import { TicketHistoryResponseDto } from './ticket-history.response.dto';

@ApiTags('dispatch tickets')
@Controller('api/v1/dispatch/tickets')
export class TicketHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':ticketId/history')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary: "The desk's record of a ticket: routing, triage, transfer requests, reasons and decisions",
  })
  @ApiOkResponse({ type: TicketHistoryResponseDto, description: 'the desk’s record of the ticket' })
  @ApiBadRequestResponse({ description: 'ticketId is not a UUID' })
  @ApiNotFoundResponse({ description: 'the ticket is not known to the dispatch desk' })
  history(@Param() p: TicketIdParam, @CurrentUser() user: AuthUser): Promise<TicketHistoryResponseDto> {
    return this.queries.execute(TicketHistoryQuery.create({ ticketId: p.ticketId, user }));
  }
}
