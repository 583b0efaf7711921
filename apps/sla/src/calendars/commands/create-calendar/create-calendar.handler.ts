import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CHINA_NOTICES, DEFAULT_WORKING_HOURS } from '@ticketing/calendar';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem } from '@ticketing/platform';
import { Calendar, DEFAULT_TIME_ZONE } from '../../domain/calendar.aggregate';
import { CalendarRepository } from '../../domain/calendar.repository';
import { CalendarVersion, CreateCalendarCommand } from './create-calendar.command';

/** Calendars side by side (e.g. one per zone), each with its own hours and notices. */
@CommandHandler(CreateCalendarCommand)
export class CreateCalendarHandler implements ICommandHandler<CreateCalendarCommand, CalendarVersion> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: CreateCalendarCommand): Promise<CalendarVersion> {
    return this.uow.transaction(async () => {
      const calendar = Calendar.create({
        id: c.id,
        name: c.name,
        nameEn: c.nameEn,
        timeZone: c.timeZone ?? DEFAULT_TIME_ZONE,
        workingHours: c.workingHours ?? DEFAULT_WORKING_HOURS.map((h) => ({ ...h })),
        notices: c.notices === 'china' ? CHINA_NOTICES : [],
        by: c.actorId,
      });
      if (!(await this.calendars.add(calendar)))
        throw fieldProblem(
          [{ field: 'id', messages: [`a calendar ${c.id} already exists`] }],
          'calendar rejected',
        );
      return { id: calendar.id, version: calendar.version };
    });
  }
}
