import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../../policies/domain/policy.repository';
import { RuleBook } from '../../domain/rule-book';
import { TimerRepository } from '../../domain/timer.repository';
import { ApplyDecisionEventCommand } from './apply-decision-event.command';

/**
 * Opens a joint meeting decision's clock for its lead department and stops it when the lead
 * reports it done or the committee closes it; keeps a copy of the decision's departments, who may
 * see the clock. In the consumer it joins the inbox transaction.
 */
@CommandHandler(ApplyDecisionEventCommand)
export class ApplyDecisionEventHandler implements ICommandHandler<ApplyDecisionEventCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute({ event, occurredAt }: ApplyDecisionEventCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const clock = await this.timers.decisionClock(event.payload.decisionId);
      await clock.apply(event, Date.parse(occurredAt), new RuleBook(this.policies, this.calendars));
      const facts = clock.facts;
      if (facts && clock.isFactsChanged) await this.timers.saveDecision(facts);
      await this.timers.save(clock.changed, clock.events);
    });
  }
}
