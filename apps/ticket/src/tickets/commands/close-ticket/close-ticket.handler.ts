import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { CloseTicketCommand } from './close-ticket.command';

@CommandHandler(CloseTicketCommand)
export class CloseTicketHandler implements ICommandHandler<CloseTicketCommand, TicketChangedResponseDto> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: CloseTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'close', (t, actor, now) => t.close(actor, c.reason, now));
  }
}
