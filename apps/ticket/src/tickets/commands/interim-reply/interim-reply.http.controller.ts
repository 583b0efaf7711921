import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { InterimReplyCommand } from './interim-reply.command';
import { InterimReplyRequestDto } from './interim-reply.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class InterimReplyHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/interim-reply')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({ summary: 'Give the enterprise an interim reply (阶段性答复) with progress' })
  @ApiTicketAction('interim-reply')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: InterimReplyRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      InterimReplyCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        message: dto.message,
      }),
    );
  }
}
