import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { currentResolveDueAt } from '../../infrastructure/ticket-deadlines.reader';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { DecideExtensionCommand } from './decide-extension.command';

@CommandHandler(DecideExtensionCommand)
export class DecideExtensionHandler implements ICommandHandler<
  DecideExtensionCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: DecideExtensionCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'decideExtension', async (t, actor, now, manager) =>
      t.decideExtension(
        actor,
        {
          approved: c.approved,
          note: c.note,
          newDueAt: c.newDueAt,
          currentDueAt: await currentResolveDueAt(manager, t.id),
        },
        now,
      ),
    );
  }
}
