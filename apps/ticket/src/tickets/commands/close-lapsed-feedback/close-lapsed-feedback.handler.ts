import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemChangeRunner, SystemOutcome } from '../../system-change.runner';
import { CloseLapsedFeedbackCommand } from './close-lapsed-feedback.command';

@CommandHandler(CloseLapsedFeedbackCommand)
export class CloseLapsedFeedbackHandler implements ICommandHandler<
  CloseLapsedFeedbackCommand,
  SystemOutcome
> {
  constructor(private readonly runner: SystemChangeRunner) {}

  execute(c: CloseLapsedFeedbackCommand): Promise<SystemOutcome> {
    return this.runner.apply(c, (t, actor, now) => t.closeWithoutFeedback(actor, now));
  }
}
