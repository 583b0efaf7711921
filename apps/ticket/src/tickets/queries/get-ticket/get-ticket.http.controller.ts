import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { GetTicketQuery } from './get-ticket.query';
import { TicketDetailResponseDto } from './ticket-detail.response.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class GetTicketHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({ summary: 'One ticket with its parts, attachments, deadlines and full timeline' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TicketDetailResponseDto, description: 'the ticket, as far as you may see it' })
  @ApiNotFoundResponse({ description: 'no such ticket, or not one you can see' })
  get(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketDetailResponseDto> {
    return this.queries.execute(GetTicketQuery.create({ user, ticketId: id }));
  }
}
