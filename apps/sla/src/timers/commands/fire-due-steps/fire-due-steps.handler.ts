import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { counter, histogram } from '@ticketing/observability';
import { fire, firingKindOf } from '../../domain/due-step';
import { FiringRepository } from '../../domain/firing.repository';
import { DueStepsFired, FireDueStepsCommand } from './fire-due-steps.command';
import { FiringUnitOfWork } from './firing-unit-of-work';

const lag = histogram(
  'sla_firing_lag_seconds',
  'Time from a firing being due to its event being in the outbox',
  ['kind'],
  [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300],
);
const firedTotal = counter('sla_firings_total', 'Warnings, breaches and escalations emitted', ['kind']);

/**
 * Emits each due warning, breach and escalation once: claims the due steps, marks breached
 * timers, and appends the announcements to the outbox, in one transaction. Several instances
 * share the steps without firing anything twice.
 */
@CommandHandler(FireDueStepsCommand)
export class FireDueStepsHandler implements ICommandHandler<FireDueStepsCommand, DueStepsFired> {
  constructor(
    @Inject(FiringUnitOfWork) private readonly uow: UnitOfWork,
    private readonly firings: FiringRepository,
  ) {}

  async execute(c: FireDueStepsCommand): Promise<DueStepsFired> {
    const { claimed, fired, nextAt } = await this.uow.transaction(async () => {
      const due = await this.firings.claimDue(c.now, c.limit);
      const result = fire(due);
      if (due.length) await this.firings.save(result);
      return { claimed: due.length, fired: result.fired, nextAt: await this.firings.nextDueAt() };
    });
    for (const s of fired) {
      const kind = firingKindOf(s);
      // On the clock the step was planned on (a simulation's too), not the database's.
      lag.observe({ kind }, Math.max(0, c.now.getTime() - s.fireAt) / 1000);
      firedTotal.inc({ kind });
    }
    return { claimed, nextAt };
  }
}
