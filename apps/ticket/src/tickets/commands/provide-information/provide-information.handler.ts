import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ProvideInformationCommand } from './provide-information.command';

@CommandHandler(ProvideInformationCommand)
export class ProvideInformationHandler implements ICommandHandler<
  ProvideInformationCommand,
  TicketChangedResponseDto
> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly attachments: AttachmentBinder,
  ) {}

  execute(c: ProvideInformationCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'provideInformation', async (t, actor, now) => {
      const attachments = await this.attachments.bind(c.attachmentIds, c.user, t.id, 'attachmentIds');
      t.provideInformation(actor, { requestId: c.requestId, answer: c.answer, attachments }, now);
    });
  }
}
