import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuthUser } from '@ticketing/auth';
import { MessageAuthor, newId } from '@ticketing/contracts';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { PostMessageCommand } from './post-message.command';

/** Who wrote a message, as the conversation shows it (the access policy already admitted the role). */
const authorOf = (user: AuthUser): MessageAuthor =>
  user.role === 'enterprise' || user.role === 'instructor' || user.role === 'department'
    ? user.role
    : 'committee';

@CommandHandler(PostMessageCommand)
export class PostMessageHandler implements ICommandHandler<PostMessageCommand, TicketChangedResponseDto> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly attachments: AttachmentBinder,
  ) {}

  execute(c: PostMessageCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'postMessage', async (t, actor, now) => {
      const attachments = await this.attachments.bind(c.attachmentIds, c.user, t.id, 'attachmentIds');
      t.postMessage(
        actor,
        {
          messageId: newId(),
          author: authorOf(c.user),
          departmentId: c.user.role === 'department' ? (c.user.departmentId ?? null) : null,
          text: c.text,
          attachments,
        },
        now,
      );
    });
  }
}
