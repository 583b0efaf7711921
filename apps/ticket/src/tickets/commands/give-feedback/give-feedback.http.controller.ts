import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { GiveFeedbackCommand } from './give-feedback.command';
import { GiveFeedbackRequestDto } from './give-feedback.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class GiveFeedbackHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/feedback')
  @HttpCode(200)
  @Roles('enterprise', 'instructor')
  @ApiOperation({
    summary: 'Rate the outcome (回访/评价); satisfied or basically satisfied closes the ticket',
  })
  @ApiTicketAction('feedback')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: GiveFeedbackRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      GiveFeedbackCommand.create({
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
