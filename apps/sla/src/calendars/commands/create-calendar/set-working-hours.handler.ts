import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { CalendarRepository } from '../../domain/calendar.repository';
import { CalendarVersion } from './create-calendar.command';
import { SetWorkingHoursCommand } from './set-working-hours.command';

/**
 * New daily working hours for a calendar; the open timers on it are recomputed afterwards (a job
 * committed with the change). The same hours again change nothing.
 */
@CommandHandler(SetWorkingHoursCommand)
export class SetWorkingHoursHandler implements ICommandHandler<SetWorkingHoursCommand, CalendarVersion> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: SetWorkingHoursCommand): Promise<CalendarVersion> {
    return this.uow.transaction(async () => {
      const calendar = await this.calendars.lock(c.calendarId);
      if (!calendar) throw notFound('calendar', c.calendarId);
      if (calendar.setWorkingHours(c.workingHours)) await this.calendars.save(calendar);
      return { id: calendar.id, version: calendar.version };
    });
  }
}
