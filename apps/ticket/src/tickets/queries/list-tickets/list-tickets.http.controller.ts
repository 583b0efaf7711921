import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ListTicketsQuery } from './list-tickets.query';
import { ListTicketsRequestDto } from './list-tickets.request.dto';
import { TicketListResponseDto } from './ticket-list.response.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ListTicketsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      "Tickets you may see: an enterprise's own, an instructor's grids, a department's queue (lead or co-handler), all for committee and admin",
  })
  @ApiOkResponse({ type: TicketListResponseDto, description: 'a page of tickets' })
  @ApiBadRequestResponse({ description: 'a filter or the cursor is malformed (problem+json naming it)' })
  list(
    @Query() filter: ListTicketsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketListResponseDto> {
    return this.queries.execute(ListTicketsQuery.create({ user, filter }));
  }
}
