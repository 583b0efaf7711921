import { WorkCalendar } from '@ticketing/calendar';
import { notFound } from '@ticketing/platform';
import { Calendar, CalendarState } from '../domain/calendar.aggregate';
import { CalendarRepository } from '../domain/calendar.repository';

/** Calendars in memory, for handler specs: what was saved, the notices loaded, the recomputes asked for. */
export class InMemoryCalendarRepository extends CalendarRepository {
  readonly calendars = new Map<string, CalendarState>();
  readonly loadedBy: { calendarId: string; year: number; by: string }[] = [];
  readonly recomputes: { calendarId: string; reason: string }[] = [];

  constructor(calendars: CalendarState[] = []) {
    super();
    for (const c of calendars) this.calendars.set(c.id, c);
  }

  async workCalendar(id: string): Promise<WorkCalendar> {
    const c = this.calendars.get(id);
    if (!c) throw notFound('calendar', id);
    return new WorkCalendar({ notices: c.notices, timeZone: c.timeZone, workingHours: c.workingHours });
  }

  async ids(): Promise<string[]> {
    return [...this.calendars.keys()].sort();
  }

  async lock(id: string): Promise<Calendar | null> {
    const c = this.calendars.get(id);
    return c ? Calendar.restore(c) : null;
  }

  async add(calendar: Calendar): Promise<boolean> {
    if (this.calendars.has(calendar.id)) return false;
    this.write(calendar);
    return true;
  }

  async save(calendar: Calendar): Promise<void> {
    this.write(calendar);
    if (calendar.recomputeReason !== null)
      this.recomputes.push({ calendarId: calendar.id, reason: calendar.recomputeReason });
  }

  private write(calendar: Calendar): void {
    this.calendars.set(calendar.id, {
      id: calendar.id,
      name: calendar.name,
      nameEn: calendar.nameEn,
      timeZone: calendar.timeZone,
      workingHours: [...calendar.workingHours],
      version: calendar.version,
      notices: [...calendar.notices],
    });
    for (const n of calendar.newNotices)
      this.loadedBy.push({ calendarId: calendar.id, year: n.notice.year, by: n.loadedBy });
  }
}
