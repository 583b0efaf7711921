import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketDeadlines } from '../../domain/ticket-deadlines';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { RecordCallbackCommand } from './record-callback.command';

/**
 * The feedback window has lapsed when the SLA engine flagged it red (the read model keeps when),
 * and no new window opened since; the aggregate refuses a callback before that (409) and marks the
 * rating `via: 'callback'`, so the timeline, the ledger and the figures count it as one.
 */
@CommandHandler(RecordCallbackCommand)
export class RecordCallbackHandler implements ICommandHandler<
  RecordCallbackCommand,
  TicketChangedResponseDto
> {
  constructor(
    private readonly runner: TicketActionRunner,
    private readonly deadlines: TicketDeadlines,
  ) {}

  execute(c: RecordCallbackCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'recordCallback', async (t, actor, now) => {
      const lapsed = !!(await this.deadlines.feedbackLapsedAt(t.id));
      t.recordCallback(
        actor,
        { contacted: c.contacted, solved: c.solved, satisfaction: c.satisfaction, comment: c.comment },
        lapsed,
        now,
      );
    });
  }
}
