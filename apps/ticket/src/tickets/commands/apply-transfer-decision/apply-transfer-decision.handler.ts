import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SystemChangeRunner, SystemOutcome } from '../../system-change.runner';
import { ApplyTransferDecisionCommand } from './apply-transfer-decision.command';

@CommandHandler(ApplyTransferDecisionCommand)
export class ApplyTransferDecisionHandler implements ICommandHandler<
  ApplyTransferDecisionCommand,
  SystemOutcome
> {
  constructor(private readonly runner: SystemChangeRunner) {}

  execute(c: ApplyTransferDecisionCommand): Promise<SystemOutcome> {
    return this.runner.apply(c, (t, actor, now) =>
      t.decideTransfer(
        actor,
        {
          approved: c.approved,
          leadDepartmentId: c.leadDepartmentId,
          coHandlerDepartmentIds: c.coHandlerDepartmentIds,
          note: c.note,
        },
        now,
      ),
    );
  }
}
