import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../../policies/domain/policy.repository';
import { RuleBook } from '../../domain/rule-book';
import { ticketFactsOf } from '../../domain/ticket-timers.aggregate';
import { TimerRepository } from '../../domain/timer.repository';
import { ApplyTicketEventCommand } from './apply-ticket-event.command';

/**
 * Opens, stops, pauses, resumes, extends and hands over a ticket's timers as its lifecycle moves
 * (pauses while the enterprise is asked for information; a merged duplicate's clocks stop).
 * In the consumer it joins the inbox transaction: the timers, their planned steps, the events and
 * the inbox row commit together.
 */
@CommandHandler(ApplyTicketEventCommand)
export class ApplyTicketEventHandler implements ICommandHandler<ApplyTicketEventCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute({ event, occurredAt }: ApplyTicketEventCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const timers = await this.timers.openTimersOf(ticketFactsOf(event.payload));
      await timers.apply(event, Date.parse(occurredAt), new RuleBook(this.policies, this.calendars));
      await this.timers.save(timers.changed, timers.events);
      if (timers.holdsChanged) await this.timers.saveHolds(timers.ticket.ticketId, timers.holds);
    });
  }
}
