import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RecordCallbackCommand } from './record-callback.command';
import { RecordCallbackRequestDto } from './record-callback.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class RecordCallbackHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/callback')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: 'Record a callback (回访): the enterprise’s answers on a call, on its behalf (the committee)',
    description:
      'Only once the enterprise’s own feedback window lapsed without a rating (GET /:id awaitingCallback; the list’s awaitingCallback=true), before the callback window (SLA policy callbackWindow, default 3 working days) lapses and closes the ticket as no feedback. Same consequences as the enterprise’s rating (satisfied or basically satisfied closes it), marked via: callback on the feedback, the event and the timeline.',
  })
  @ApiTicketAction('callback')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordCallbackRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      RecordCallbackCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        contacted: dto.contacted,
        solved: dto.solved,
        satisfaction: dto.satisfaction,
        comment: dto.comment ?? null,
      }),
    );
  }
}
