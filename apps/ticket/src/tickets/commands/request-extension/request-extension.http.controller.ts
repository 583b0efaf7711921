import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestExtensionCommand } from './request-extension.command';
import { RequestExtensionRequestDto } from './request-extension.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class RequestExtensionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/request-extension')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({ summary: 'Ask the committee for more time (延期); one request may wait at a time' })
  @ApiTicketAction('request-extension')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RequestExtensionRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      RequestExtensionCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason,
        proposedDueAt: new Date(dto.proposedDueAt),
      }),
    );
  }
}
