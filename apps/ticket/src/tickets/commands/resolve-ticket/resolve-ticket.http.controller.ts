import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ResolveTicketCommand } from './resolve-ticket.command';
import { ResolveTicketRequestDto } from './resolve-ticket.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ResolveTicketHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary: 'Resolve (办结) the ticket: the lead, once every co-handler has reported its part',
  })
  @ApiTicketAction('resolve')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ResolveTicketRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      ResolveTicketCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        result: dto.result,
        evidenceAttachmentIds: dto.evidenceAttachmentIds ?? [],
      }),
    );
  }
}
