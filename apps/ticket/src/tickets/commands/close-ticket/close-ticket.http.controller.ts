import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { CloseTicketCommand } from './close-ticket.command';
import { CloseTicketRequestDto } from './close-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class CloseTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('enterprise', 'instructor')
  @ApiOperation({ summary: 'Close a resolved ticket (the owner); without feedback it counts as no feedback' })
  @ApiTicketAction('close')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CloseTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      CloseTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason ?? null,
      }),
    );
  }
}
