import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DayInfo, isValidLocalDate } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { CalendarRepository } from '../../domain/calendar.repository';
import { CalendarReader } from '../../infrastructure/calendar.reader';
import { CalendarDayQuery, CalendarDeadlineQuery, ListCalendarsQuery } from './calendar-facts.query';

@QueryHandler(ListCalendarsQuery)
export class ListCalendarsHandler implements IQueryHandler<ListCalendarsQuery> {
  constructor(private readonly reader: CalendarReader) {}

  async execute() {
    const { calendars, notices } = await this.reader.all();
    return calendars.map((c) => ({
      id: c.id,
      name: c.name,
      nameEn: c.name_en,
      timeZone: c.time_zone,
      workingHours: c.working_hours,
      version: c.version,
      notices: notices
        .filter((n) => n.calendar_id === c.id)
        .map((n) => ({
          year: n.notice.year,
          title: n.notice.title,
          reference: n.notice.reference,
          publishedOn: n.notice.publishedOn,
          holidays: n.notice.holidays,
          makeUpWorkdays: n.notice.makeUpWorkdays,
          loadedAt: n.loaded_at,
        })),
    }));
  }
}

@QueryHandler(CalendarDayQuery)
export class CalendarDayHandler implements IQueryHandler<CalendarDayQuery, DayInfo> {
  constructor(private readonly calendars: CalendarRepository) {}

  async execute(q: CalendarDayQuery): Promise<DayInfo> {
    if (!isValidLocalDate(q.date))
      throw new DomainError('validation', `date must be a real date YYYY-MM-DD, got ${q.date}`, {
        errors: [{ field: 'date', messages: ['must be YYYY-MM-DD'] }],
      });
    return (await this.calendars.workCalendar(q.calendarId)).kind(q.date);
  }
}

@QueryHandler(CalendarDeadlineQuery)
export class CalendarDeadlineHandler implements IQueryHandler<CalendarDeadlineQuery> {
  constructor(private readonly calendars: CalendarRepository) {}

  async execute(q: CalendarDeadlineQuery): Promise<{ dueAt: string; localDate: string }> {
    if ((q.workingDays === null) === (q.workingHours === null)) {
      throw new DomainError('validation', 'give exactly one of workingDays or workingHours', {
        errors: [{ field: 'workingDays', messages: ['give exactly one of workingDays or workingHours'] }],
      });
    }
    const cal = await this.calendars.workCalendar(q.calendarId);
    const due =
      q.workingDays !== null
        ? cal.addWorkingDays(new Date(q.from), q.workingDays)
        : cal.addWorkingHours(new Date(q.from), q.workingHours!);
    return { dueAt: due.toISOString(), localDate: cal.localDate(due) };
  }
}
