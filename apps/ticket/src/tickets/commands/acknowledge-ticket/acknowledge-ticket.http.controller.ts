import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';
import { AcknowledgeTicketRequestDto } from './acknowledge-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class AcknowledgeTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({ summary: 'Acknowledge (签收) a ticket assigned or reopened to your department' })
  @ApiTicketAction('acknowledge')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AcknowledgeTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      AcknowledgeTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        note: dto.note ?? null,
      }),
    );
  }
}
