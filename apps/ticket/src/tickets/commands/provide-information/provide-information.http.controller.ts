import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ProvideInformationCommand } from './provide-information.command';
import { ProvideInformationRequestDto } from './provide-information.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ProvideInformationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/provide-information')
  @HttpCode(200)
  @Roles('enterprise', 'instructor')
  @ApiOperation({
    summary: 'Answer the department’s open question, with text and files (the enterprise, or its instructor)',
    description:
      'Resumes the resolution clock where the SLA policy paused it. expectedVersion is optional here.',
  })
  @ApiTicketAction('answer')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ProvideInformationRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      ProvideInformationCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion ?? null,
        requestId: dto.requestId,
        answer: dto.answer,
        attachmentIds: dto.attachmentIds ?? [],
      }),
    );
  }
}
