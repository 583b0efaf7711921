import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AddNoteCommand } from './add-note.command';

@CommandHandler(AddNoteCommand)
export class AddNoteHandler implements ICommandHandler<AddNoteCommand, TicketChangedResponseDto> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly attachments: AttachmentBinder,
  ) {}

  execute(c: AddNoteCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'addNote', async (t, actor, now) => {
      // The note's files are as internal as its text: the enterprise can never download them.
      const attachments = await this.attachments.bind(c.attachmentIds, c.user, t.id, 'attachmentIds', {
        internal: true,
      });
      t.addNote(
        actor,
        {
          noteId: newId(),
          departmentId: c.user.role === 'department' ? (c.user.departmentId ?? null) : null,
          text: c.text,
          attachments,
        },
        now,
      );
    });
  }
}
