import { Injectable } from '@nestjs/common';
import { DEFAULT_WORKING_HOURS, HolidayNotice, WorkCalendar, WorkingPeriod } from '@ticketing/calendar';
import { Queryable, SettingsCache, TransactionContext } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { deepFreeze } from '../../settings/deep-freeze';
import { enqueueRecompute } from '../../timers/infrastructure/recompute-job.typeorm-repository';
import { Calendar } from '../domain/calendar.aggregate';
import { CalendarRepository } from '../domain/calendar.repository';

interface CalendarRow {
  id: string;
  name: string;
  name_en: string | null;
  time_zone: string;
  working_hours: WorkingPeriod[] | null;
  version: number;
}

const notices = async (q: Queryable, id: string): Promise<HolidayNotice[]> =>
  (
    await q.query<{ notice: HolidayNotice }[]>(
      'SELECT notice FROM sla.calendar_notices WHERE calendar_id = $1 ORDER BY year',
      [id],
    )
  ).map((r) => r.notice);

/** What a WorkCalendar is built from, as the settings cache keeps it (frozen). */
interface CalendarSettings {
  timeZone: string;
  workingHours: WorkingPeriod[] | null;
  notices: HolidayNotice[];
}

const sameSettings = (a: CalendarSettings, b: CalendarSettings): boolean =>
  a.timeZone === b.timeZone &&
  JSON.stringify(a.workingHours) === JSON.stringify(b.workingHours) &&
  JSON.stringify(a.notices) === JSON.stringify(b.notices);

/**
 * Calendars in sla.calendars and sla.calendar_notices. A calendar's settings (zone, hours, notices)
 * come from the settings cache until either table changes; the WorkCalendar built from them (half a
 * millisecond of work, immutable) is kept per calendar and built again only when they differ.
 */
@Injectable()
export class TypeormCalendarRepository extends CalendarRepository {
  private readonly built = new Map<string, { settings: CalendarSettings; calendar: WorkCalendar }>();

  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async workCalendar(id: string): Promise<WorkCalendar> {
    const settings = await this.cache.read(
      this.tx.manager,
      ['calendars', 'calendar_notices'],
      JSON.stringify(['calendar', id]),
      async (): Promise<CalendarSettings> => {
        const q = this.tx.manager;
        const [row]: Pick<CalendarRow, 'time_zone' | 'working_hours'>[] = await q.query(
          'SELECT time_zone, working_hours FROM sla.calendars WHERE id = $1',
          [id],
        );
        if (!row) throw notFound('calendar', id);
        return deepFreeze({
          timeZone: row.time_zone,
          workingHours: row.working_hours,
          notices: await notices(q, id),
        });
      },
    );
    const kept = this.built.get(id);
    if (kept && (kept.settings === settings || sameSettings(kept.settings, settings))) {
      kept.settings = settings;
      return kept.calendar;
    }
    const calendar = new WorkCalendar({
      notices: settings.notices,
      timeZone: settings.timeZone,
      workingHours: settings.workingHours ?? undefined,
    });
    this.built.set(id, { settings, calendar });
    return calendar;
  }

  async ids(): Promise<string[]> {
    return (await this.tx.manager.query<{ id: string }[]>('SELECT id FROM sla.calendars ORDER BY id')).map(
      (r) => r.id,
    );
  }

  async lock(id: string): Promise<Calendar | null> {
    const m = this.tx.writer;
    const [row]: CalendarRow[] = await m.query('SELECT * FROM sla.calendars WHERE id = $1 FOR UPDATE', [id]);
    if (!row) return null;
    return Calendar.restore({
      id: row.id,
      name: row.name,
      nameEn: row.name_en,
      timeZone: row.time_zone,
      // A null once stored by a bug meant the default hours, as WorkCalendar reads it.
      workingHours: row.working_hours ?? DEFAULT_WORKING_HOURS.map((h) => ({ ...h })),
      version: row.version,
      notices: await notices(m, id),
    });
  }

  async add(calendar: Calendar): Promise<boolean> {
    const m = this.tx.writer;
    this.cache.touch(m, 'calendars');
    this.cache.touch(m, 'calendar_notices');
    const inserted: unknown[] = await m.query(
      `INSERT INTO sla.calendars (id, name, name_en, time_zone, working_hours, version) VALUES ($1, $2, $6, $3, $4::jsonb, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        calendar.id,
        calendar.name,
        calendar.timeZone,
        JSON.stringify(calendar.workingHours),
        calendar.version,
        calendar.nameEn,
      ],
    );
    if (!inserted.length) return false;
    await this.insertNotices(calendar);
    return true;
  }

  async save(calendar: Calendar): Promise<void> {
    const m = this.tx.writer;
    await this.insertNotices(calendar);
    if (calendar.recomputeReason === null) return;
    this.cache.touch(m, 'calendars');
    await m.query(
      `UPDATE sla.calendars SET working_hours = $2::jsonb, version = $3, updated_at = now() WHERE id = $1`,
      [calendar.id, JSON.stringify(calendar.workingHours), calendar.version],
    );
    await enqueueRecompute(m, 'calendar', calendar.id, calendar.recomputeReason);
  }

  private async insertNotices(calendar: Calendar): Promise<void> {
    if (calendar.newNotices.length) this.cache.touch(this.tx.writer, 'calendar_notices');
    for (const n of calendar.newNotices) {
      await this.tx.writer.query(
        'INSERT INTO sla.calendar_notices (calendar_id, year, notice, loaded_by) VALUES ($1, $2, $3::jsonb, $4)',
        [calendar.id, n.notice.year, JSON.stringify(n.notice), n.loadedBy],
      );
    }
  }
}
