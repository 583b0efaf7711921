import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReplyTicketCommand } from './reply-ticket.command';
import { ReplyTicketRequestDto } from './reply-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ReplyTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reply')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary: 'Answer the enterprise (限期反馈); needed before the enterprise can give feedback',
  })
  @ApiTicketAction('reply')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReplyTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      ReplyTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        message: dto.message,
      }),
    );
  }
}
