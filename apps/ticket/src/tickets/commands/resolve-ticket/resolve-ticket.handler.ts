import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ResolveTicketCommand } from './resolve-ticket.command';

@CommandHandler(ResolveTicketCommand)
export class ResolveTicketHandler implements ICommandHandler<ResolveTicketCommand, TicketChangedResponseDto> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly attachments: AttachmentBinder,
  ) {}

  execute(c: ResolveTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'resolve', async (t, actor, now) => {
      // Guard first, so an illegal resolve never claims the evidence files.
      t.assertCanResolve();
      const evidence = await this.attachments.bind(
        c.evidenceAttachmentIds,
        c.user,
        t.id,
        'evidenceAttachmentIds',
      );
      t.resolve(actor, { result: c.result, evidence }, now);
    });
  }
}
