import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../../policies/domain/policy.repository';
import { RuleBook } from '../../domain/rule-book';
import { TimerRepository } from '../../domain/timer.repository';
import { OpenCallbackClockCommand } from './open-callback-clock.command';

/**
 * When a ticket's feedback window lapses, its window stops as breached and the committee's callback
 * window opens (the committee's clock: no department). Nothing when that window is no longer open:
 * the feedback came, or the ticket closed or reopened, in the meantime. In the consumer it joins the
 * inbox transaction, so it happens once per breach.
 */
@CommandHandler(OpenCallbackClockCommand)
export class OpenCallbackClockHandler implements ICommandHandler<OpenCallbackClockCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: OpenCallbackClockCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const timers = await this.timers.knownTicket(c.ticketId);
      if (!timers) return;
      await timers.feedbackLapsed(
        c.feedbackTimerId,
        Date.parse(c.lapsedAt),
        new RuleBook(this.policies, this.calendars),
      );
      await this.timers.save(timers.changed, timers.events);
    });
  }
}
