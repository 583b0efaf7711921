import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketVisibility, ticketNotFound } from '@ticketing/auth';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { TimerReader } from '../../infrastructure/timer.reader';
import { timerViews } from '../timer-view';
import { TicketTimersQuery } from './ticket-timers.query';

/**
 * Who may look is the one rule of who sees a ticket (TicketVisibility), from what the ticket
 * events told us; a ticket the caller may not see is a 404, as an unknown one.
 */
@QueryHandler(TicketTimersQuery)
export class TicketTimersHandler implements IQueryHandler<TicketTimersQuery> {
  constructor(
    private readonly reader: TimerReader,
    private readonly calendars: CalendarRepository,
  ) {}

  async execute({ user, ticketId }: TicketTimersQuery) {
    const scope = await this.reader.ticketScope(ticketId);
    if (!scope || !TicketVisibility.canSee(user, scope)) throw ticketNotFound(ticketId);
    const rows = await this.reader.timersOf(ticketId);
    return { ticketId, timers: await timerViews(rows, this.calendars, Date.now()) };
  }
}
