import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { CalendarRepository } from '../../domain/calendar.repository';
import { LoadNoticeCommand, NoticeLoaded } from './load-notice.command';

/**
 * Loads a new year's notice into one calendar. The calendar is locked so two admins cannot load
 * the same year at once; a bad notice is refused before anything is written; open timers on the
 * calendar are recomputed afterwards (a job committed with the notice).
 */
@CommandHandler(LoadNoticeCommand)
export class LoadNoticeHandler implements ICommandHandler<LoadNoticeCommand, NoticeLoaded> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: LoadNoticeCommand): Promise<NoticeLoaded> {
    return this.uow.transaction(async () => {
      const calendar = await this.calendars.lock(c.calendarId);
      if (!calendar) throw notFound('calendar', c.calendarId);
      const notice = calendar.loadNotice(c.notice, c.actorId);
      await this.calendars.save(calendar);
      return { calendarId: calendar.id, year: notice.year, version: calendar.version };
    });
  }
}
