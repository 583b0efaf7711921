import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../../policies/domain/policy.repository';
import { RuleBook } from '../../domain/rule-book';
import { SlaRecordedEvent } from '../../domain/sla-event';
import { ticketFactsOf } from '../../domain/ticket-timers.aggregate';
import { TimerRepository } from '../../domain/timer.repository';
import { ApplyTicketEventsCommand } from './apply-ticket-events.command';

/**
 * Opens, stops, pauses, resumes, extends and hands over tickets' timers as their lifecycles move
 * (pauses while the enterprise is asked for information; a merged duplicate's clocks stop).
 * In the consumer it joins the inbox transaction: the timers, their planned steps, the events and
 * the inbox rows commit together.
 *
 * A batch loads every ticket it names at once (their copies written, their open timers read: two
 * statements in one round trip, whatever the batch's size), applies the events in delivery order
 * to those clocks in memory, each event with the facts it carries, and saves everything once: the
 * effect of applying the events one by one, each recorded event caused by its own ticket event.
 */
@CommandHandler(ApplyTicketEventsCommand)
export class ApplyTicketEventsHandler implements ICommandHandler<ApplyTicketEventsCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly timers: TimerRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute({ events }: ApplyTicketEventsCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const tickets = await this.timers.openTimersOf(events.map((e) => ticketFactsOf(e.event.payload)));
      const byId = new Map(tickets.map((t) => [t.ticket.ticketId, t]));
      const rules = new RuleBook(this.policies, this.calendars);
      const recorded: SlaRecordedEvent[] = [];
      for (const { event, occurredAt, cause } of events) {
        const timers = byId.get(event.payload.ticketId)!;
        timers.learn(ticketFactsOf(event.payload));
        const before = timers.events.length;
        await timers.apply(event, Date.parse(occurredAt), rules);
        for (const e of timers.events.slice(before)) recorded.push(cause ? { ...e, cause } : e);
      }
      await this.timers.save(
        tickets.flatMap((t) => t.changed),
        recorded,
      );
      for (const t of tickets) if (t.holdsChanged) await this.timers.saveHolds(t.ticket.ticketId, t.holds);
    });
  }
}
