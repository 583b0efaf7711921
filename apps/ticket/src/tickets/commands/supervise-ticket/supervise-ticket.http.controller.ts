import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { SuperviseTicketCommand } from './supervise-ticket.command';
import { SuperviseTicketRequestDto } from './supervise-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class SuperviseTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/supervise')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Urge, supervise (督办) or put on the joint-meeting agenda' })
  @ApiTicketAction('supervise')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SuperviseTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      SuperviseTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        level: dto.level,
        note: dto.note,
      }),
    );
  }
}
