import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TICKET_CONFIG, TicketConfig } from '../../../ticket.config';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { ReopenTicketCommand } from './reopen-ticket.command';

@CommandHandler(ReopenTicketCommand)
export class ReopenTicketHandler implements ICommandHandler<ReopenTicketCommand, TicketChangedResponseDto> {
  constructor(
    private readonly runner: TicketActionRunner,
    @Inject(TICKET_CONFIG) private readonly config: TicketConfig,
  ) {}

  execute(c: ReopenTicketCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'reopen', (t, actor, now) =>
      t.reopen(actor, c.reason, this.config.TICKET_REOPEN_LIMIT, now),
    );
  }
}
