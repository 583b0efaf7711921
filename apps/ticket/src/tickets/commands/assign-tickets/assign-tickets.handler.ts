import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemChangeRunner, SystemOutcome } from '../../system-change.runner';
import { AssignTicketsCommand } from './assign-tickets.command';

/** The desk's decisions: each ticket gets its lead and co-handlers (ticket.assigned), its outcome in order. */
@CommandHandler(AssignTicketsCommand)
export class AssignTicketsHandler implements ICommandHandler<AssignTicketsCommand, SystemOutcome[]> {
  constructor(private readonly runner: SystemChangeRunner) {}

  execute(c: AssignTicketsCommand): Promise<SystemOutcome[]> {
    return this.runner.applyEach(
      c.decisions,
      (d) => (t, actor, now) =>
        t.assign(
          actor,
          {
            leadDepartmentId: d.leadDepartmentId,
            coHandlerDepartmentIds: d.coHandlerDepartmentIds,
            via: d.via,
            ruleId: d.ruleId,
            explanation: d.explanation,
          },
          now,
        ),
    );
  }
}
