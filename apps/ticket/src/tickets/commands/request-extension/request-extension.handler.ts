import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketDeadlines } from '../../domain/ticket-deadlines';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RequestExtensionCommand } from './request-extension.command';

@CommandHandler(RequestExtensionCommand)
export class RequestExtensionHandler implements ICommandHandler<
  RequestExtensionCommand,
  TicketChangedResponseDto
> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly deadlines: TicketDeadlines,
  ) {}

  execute(c: RequestExtensionCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'requestExtension', async (t, actor, now) =>
      t.requestExtension(
        actor,
        {
          reason: c.reason,
          proposedDueAt: c.proposedDueAt,
          currentDueAt: await this.deadlines.resolveDueAt(t.id),
        },
        now,
      ),
    );
  }
}
