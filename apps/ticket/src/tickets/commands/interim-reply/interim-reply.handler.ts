import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { InterimReplyCommand } from './interim-reply.command';

@CommandHandler(InterimReplyCommand)
export class InterimReplyHandler implements ICommandHandler<InterimReplyCommand, TicketChangedResponseDto> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: InterimReplyCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'interimReply', (t, actor, now) => t.interimReply(actor, c.message, now));
  }
}
