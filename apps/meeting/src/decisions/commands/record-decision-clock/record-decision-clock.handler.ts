import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { DecisionRepository } from '../../domain/decision.repository';
import { RecordDecisionClockCommand } from './record-decision-clock.command';

/**
 * Keeps on the decision what the SLA engine says of its clock: the deadline, the yellow/red flag
 * (a red stays red), the ladder's step. It is the engine's word, not a change of the decision:
 * no version, no event. An unknown decision is skipped (nothing of ours to mark).
 */
@CommandHandler(RecordDecisionClockCommand)
export class RecordDecisionClockHandler implements ICommandHandler<RecordDecisionClockCommand, boolean> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly decisions: DecisionRepository,
  ) {}

  execute(c: RecordDecisionClockCommand): Promise<boolean> {
    return this.uow.transaction(() =>
      this.decisions.recordClock(c.decisionId, {
        ...(c.dueAt !== undefined ? { dueAt: c.dueAt } : {}),
        ...(c.flag ? { flag: c.flag } : {}),
        ...(c.escalation ? { escalation: c.escalation } : {}),
      }),
    );
  }
}
