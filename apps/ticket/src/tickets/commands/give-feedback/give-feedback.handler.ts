import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TicketActionRunner } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { GiveFeedbackCommand } from './give-feedback.command';

@CommandHandler(GiveFeedbackCommand)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedbackCommand, TicketChangedResponseDto> {
  constructor(private readonly runner: TicketActionRunner) {}

  execute(c: GiveFeedbackCommand): Promise<TicketChangedResponseDto> {
    return this.runner.byPerson(c, 'giveFeedback', (t, actor, now) =>
      t.giveFeedback(
        actor,
        { contacted: c.contacted, solved: c.solved, satisfaction: c.satisfaction, comment: c.comment },
        now,
      ),
    );
  }
}
