import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { SuperviseTicketCommand } from './supervise-ticket.command';

@CommandHandler(SuperviseTicketCommand)
export class SuperviseTicketHandler implements ICommandHandler<
  SuperviseTicketCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: SuperviseTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'supervise', (t, actor, now) =>
      t.supervise(actor, { level: c.level, note: c.note }, now),
    );
  }
}
