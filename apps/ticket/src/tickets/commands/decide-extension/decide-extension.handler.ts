import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketDeadlines } from '../../domain/ticket-deadlines';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { DecideExtensionCommand } from './decide-extension.command';

@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<
  DecideExtensionCommand,
  TicketChangedResponseDto
> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly deadlines: TicketDeadlines,
  ) {}

  execute(c: DecideExtensionCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'decideExtension', async (t, actor, now) =>
      t.decideExtension(
        actor,
        {
          approved: c.approved,
          note: c.note,
          newDueAt: c.newDueAt,
          currentDueAt: await this.deadlines.resolveDueAt(t.id),
        },
        now,
      ),
    );
  }
}
