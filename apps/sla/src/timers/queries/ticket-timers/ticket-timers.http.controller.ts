import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { TicketTimersResponseDto } from '../timer-view.response.dto';
import { TicketTimersQuery } from './ticket-timers.query';

/**
 * The ticket's deadlines as the SLA engine counts them, for whoever may see the ticket: committee
 * and admin; the enterprise that owns it; its lead and co-handling departments; an instructor of
 * its grid.
 */
@ApiTags('sla · timers')
@Controller('api/v1/sla/tickets')
export class TicketTimersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':ticketId/timers')
  @Roles('committee', 'admin', 'department', 'enterprise', 'instructor')
  @ApiOperation({
    summary:
      "A ticket's timers: kind, department, start, deadline, pauses, elapsed and remaining working time, state",
  })
  @ApiOkResponse({ type: TicketTimersResponseDto, description: 'the ticket’s timers, oldest first' })
  @ApiNotFoundResponse({ description: 'the SLA engine has not seen this ticket, or it is not yours to see' })
  timers(@Param('ticketId') ticketId: string, @CurrentUser() user: AuthUser) {
    return this.queries.execute(TicketTimersQuery.create({ user, ticketId }));
  }
}
