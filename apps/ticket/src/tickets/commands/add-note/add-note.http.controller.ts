import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ApiTicketAction } from '../../http/ticket-action.decorators';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AddNoteCommand } from './add-note.command';
import { AddNoteRequestDto } from './add-note.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class AddNoteHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/notes')
  @HttpCode(200)
  @Roles('department', 'committee')
  @ApiOperation({
    summary:
      'Add an internal note (内部备注): the departments on the ticket and the committee read it, the enterprise never',
    description:
      'Also after the ticket ended. Its files are internal too: GET /attachments/:id is 404 for the enterprise and its instructor. The note and its step are absent from everything the enterprise reads (GET /:id has no `notes` for it, its timeline no note step). expectedVersion is optional here.',
  })
  @ApiTicketAction('note')
  handle(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AddNoteRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TicketChangedResponseDto> {
    return this.commands.execute(
      AddNoteCommand.create({
        user,
        ticketId: id,
        expectedVersion: dto.expectedVersion ?? null,
        text: dto.text,
        attachmentIds: dto.attachmentIds ?? [],
      }),
    );
  }
}
