import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { MergeTicketCommand } from './merge-ticket.command';
import { MergeTicketRequestDto } from './merge-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class MergeTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: 'Merge this ticket, a duplicate, into a main ticket (the committee)',
    description:
      'The duplicate must be routed and not resolved (assigned, in_progress, transfer_requested or reopened); the main ticket open and routed (assigned … resolved), not itself merged, and the duplicate must have no duplicates of its own. The duplicate becomes in_progress at the main ticket’s lead and follows it: ticket.merged stops its own clocks; every interim reply, reply and resolution of the main ticket reaches it as its own (timeline reasonCode followed.main), so its enterprise is answered and rates its own ticket; what the main ticket already answered reaches it at once. Nothing is done to it directly meanwhile (409 naming the main ticket). Its enterprise may reopen it after an unsatisfied rating: it is then handled on its own (reasonCode reopened.leftMain). A main ticket with duplicates cannot be withdrawn. Answers with the duplicate’s new status and version.',
  })
  @ApiTicketAction('merge')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MergeTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      MergeTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        mainTicketId: dto.mainTicketId,
        reason: dto.reason,
      }),
    );
  }
}
