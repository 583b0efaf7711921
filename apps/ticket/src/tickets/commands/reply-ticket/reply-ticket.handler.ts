import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReplyTicketCommand } from './reply-ticket.command';

@CommandHandler(ReplyTicketCommand)
export class ReplyTicketHandler implements ICommandHandler<ReplyTicketCommand, TicketChangedResponseDto> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: ReplyTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'reply', (t, actor, now) => t.reply(actor, c.message, now));
  }
}
