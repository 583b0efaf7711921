import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';

@CommandHandler(AcknowledgeTicketCommand)
export class AcknowledgeTicketHandler implements ICommandHandler<
  AcknowledgeTicketCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: AcknowledgeTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'acknowledge', (t, actor, now) => t.acknowledge(actor, c.note, now));
  }
}
