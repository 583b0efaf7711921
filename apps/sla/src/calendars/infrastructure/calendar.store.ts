import { Injectable } from '@nestjs/common';
import { HolidayNotice, WorkCalendar, WorkingPeriod } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { Queryable } from '../../shared/queryable';

export interface CalendarRow {
  id: string;
  name: string;
  time_zone: string;
  working_hours: WorkingPeriod[];
  version: number;
}

/**
 * Calendars live in the database; this keeps one built WorkCalendar per (id, version) in memory.
 * Each use checks the version (one indexed read), so an admin change made through another
 * instance is seen at once.
 */
@Injectable()
export class CalendarStore {
  private readonly cache = new Map<string, { version: number; calendar: WorkCalendar }>();

  async get(q: Queryable, id: string): Promise<WorkCalendar> {
    const rows: { version: number }[] = await q.query('SELECT version FROM sla.calendars WHERE id = $1', [id]);
    if (!rows.length) throw new DomainError('notFound', `calendar ${id} does not exist`);
    const cached = this.cache.get(id);
    if (cached && cached.version === rows[0]!.version) return cached.calendar;
    return this.load(q, id);
  }

  async load(q: Queryable, id: string): Promise<WorkCalendar> {
    const [row]: CalendarRow[] = await q.query('SELECT * FROM sla.calendars WHERE id = $1', [id]);
    if (!row) throw new DomainError('notFound', `calendar ${id} does not exist`);
    const notices: HolidayNotice[] = (
      await q.query<{ notice: HolidayNotice }[]>('SELECT notice FROM sla.calendar_notices WHERE calendar_id = $1 ORDER BY year', [id])
    ).map((r) => r.notice);
    const calendar = new WorkCalendar({ notices, timeZone: row.time_zone, workingHours: row.working_hours });
    this.cache.set(id, { version: row.version, calendar });
    return calendar;
  }

  async ids(q: Queryable): Promise<string[]> {
    return (await q.query<{ id: string }[]>('SELECT id FROM sla.calendars ORDER BY id')).map((r) => r.id);
  }
}
