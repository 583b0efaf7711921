import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { WithdrawTicketCommand } from './withdraw-ticket.command';
import { WithdrawTicketRequestDto } from './withdraw-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class WithdrawTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('enterprise', 'instructor')
  @ApiOperation({
    summary: 'Withdraw a ticket (the enterprise or its instructor; only before a department acknowledged it)',
  })
  @ApiTicketAction('withdraw')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: WithdrawTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      WithdrawTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason,
      }),
    );
  }
}
