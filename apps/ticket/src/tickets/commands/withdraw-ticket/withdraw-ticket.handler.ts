import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { WithdrawTicketCommand } from './withdraw-ticket.command';

@CommandHandler(WithdrawTicketCommand)
export class WithdrawTicketHandler implements ICommandHandler<
  WithdrawTicketCommand,
  TicketChangedResponseDto
> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: WithdrawTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'withdraw', (t, actor, now) => t.withdraw(actor, c.reason, now));
  }
}
