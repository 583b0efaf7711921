import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { LinkTicketsCommand } from './link-tickets.command';
import { LinkTicketsRequestDto } from './link-tickets.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class LinkTicketsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/link')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: 'Link related tickets (one incident reported by several enterprises), the committee',
    description:
      'Each ticket keeps its own course; every ticket of the link records ticket.linked naming the others it was not linked to yet (GET /:id relatedTicketIds, for staff). 409 when this ticket is linked to all of them already; 400 naming ticketIds for an unknown ticket or the ticket itself. Any status.',
  })
  @ApiTicketAction('link')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: LinkTicketsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      LinkTicketsCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        relatedTicketIds: dto.ticketIds,
        reason: dto.reason,
      }),
    );
  }
}
