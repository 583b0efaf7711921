import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemChangeRunner, SystemOutcome } from '../../system-change.runner';
import { AssignTicketCommand } from './assign-ticket.command';

@CommandHandler(AssignTicketCommand)
export class AssignTicketHandler implements ICommandHandler<AssignTicketCommand, SystemOutcome> {
  constructor(private readonly runner: SystemChangeRunner) {}

  execute(c: AssignTicketCommand): Promise<SystemOutcome> {
    return this.runner.apply(c, (t, actor, now) =>
      t.assign(
        actor,
        {
          leadDepartmentId: c.leadDepartmentId,
          coHandlerDepartmentIds: c.coHandlerDepartmentIds,
          via: c.via,
          ruleId: c.ruleId,
          explanation: c.explanation,
        },
        now,
      ),
    );
  }
}
