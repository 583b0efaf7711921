import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AssignHandlerCommand } from './assign-handler.command';
import { AssignHandlerRequestDto } from './assign-handler.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class AssignHandlerHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/handler')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary: 'Name the person of the lead department who works the ticket (承办人), or nobody',
    description:
      'The lead department only; the person must be an active department user of it (400 naming handlerUserId otherwise). Naming the current handler again is 409. An approved transfer clears the handler. List “assigned to me” with GET /?assignedToMe=true, someone’s with GET /?handlerUserId=…; who may be named: GET /handlers.',
  })
  @ApiTicketAction('assign a handler')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AssignHandlerRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      AssignHandlerCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        handlerUserId: dto.handlerUserId ?? null,
      }),
    );
  }
}
