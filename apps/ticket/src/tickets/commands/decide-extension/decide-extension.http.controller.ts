import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { DecideExtensionCommand } from './decide-extension.command';
import { DecideExtensionRequestDto } from './decide-extension.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class DecideExtensionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/decide-extension')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Approve or reject the pending extension request' })
  @ApiTicketAction('decide-extension')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DecideExtensionRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      DecideExtensionCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        approved: dto.approved,
        note: dto.note ?? null,
        newDueAt: dto.newDueAt ? new Date(dto.newDueAt) : null,
      }),
    );
  }
}
