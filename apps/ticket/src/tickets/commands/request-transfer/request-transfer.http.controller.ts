import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestTransferCommand } from './request-transfer.command';
import { RequestTransferRequestDto } from './request-transfer.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class RequestTransferHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/request-transfer')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({ summary: 'Ask the committee to transfer the ticket (退单/转办); the clock keeps running' })
  @ApiTicketAction('request-transfer')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RequestTransferRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      RequestTransferCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        reason: dto.reason,
      }),
    );
  }
}
