import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReopenTicketCommand } from './reopen-ticket.command';
import { ReopenTicketRequestDto } from './reopen-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ReopenTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('enterprise', 'instructor')
  @ApiOperation({ summary: 'Send an unsatisfying resolution back (重办); the lead must acknowledge again' })
  @ApiTicketAction('reopen')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReopenTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      ReopenTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason,
      }),
    );
  }
}
