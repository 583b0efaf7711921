import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { currentResolveDueAt } from '../../infrastructure/ticket-deadlines.reader';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestExtensionCommand } from './request-extension.command';

@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<
  RequestExtensionCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: RequestExtensionCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'requestExtension', async (t, actor, now, manager) =>
      t.requestExtension(
        actor,
        {
          reason: c.reason,
          proposedDueAt: c.proposedDueAt,
          currentDueAt: await currentResolveDueAt(manager, t.id),
        },
        now,
      ),
    );
  }
}
