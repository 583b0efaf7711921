import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestInformationCommand } from './request-information.command';
import { RequestInformationRequestDto } from './request-information.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class RequestInformationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/request-information')
  @HttpCode(200)
  @Roles('department')
  @ApiOperation({
    summary:
      'Ask the enterprise for facts or documents (补充材料); the lead department, once it signed for it',
    description:
      'One question at a time: while one waits for its answer, another is 409 illegalTransition naming it. Where the SLA policy says so, the resolution clock pauses until the enterprise answers (deadlines.paused shows it). GET /:id shows it under conversation.informationRequests.',
  })
  @ApiTicketAction('request information')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RequestInformationRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      RequestInformationCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion,
        question: dto.question,
      }),
    );
  }
}
