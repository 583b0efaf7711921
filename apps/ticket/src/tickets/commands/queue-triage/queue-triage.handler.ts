import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemChangeRunner, SystemOutcome } from '../../system-change.runner';
import { QueueTriageCommand } from './queue-triage.command';

@CommandHandler(QueueTriageCommand)
export class QueueTriageHandler implements ICommandHandler<QueueTriageCommand, SystemOutcome> {
  constructor(private readonly runner: SystemChangeRunner) {}

  execute(c: QueueTriageCommand): Promise<SystemOutcome> {
    return this.runner.apply(c, (t, actor, now) => t.queueTriage(actor, c.explanation, now));
  }
}
