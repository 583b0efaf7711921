import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HolidayNotice, validateNotice, validateNotices } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { validationError } from '../../../shared/problems';
import { SLA_SCHEMA } from '../../../shared/queryable';
import { enqueueRecompute } from '../../../timers/recompute/recompute.worker';

/**
 * Loads a new year's notice into one calendar. The calendar row is locked so two admins cannot
 * load the same year at once; a bad notice is refused before anything is written; open timers on
 * the calendar are recomputed afterwards (a job committed with the notice).
 */
@Injectable()
export class LoadNoticeHandler {
  constructor(@InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource) {}

  async execute(calendarId: string, notice: Record<string, unknown>, actorId: string): Promise<{ calendarId: string; year: number; version: number }> {
    return this.ds.transaction(async (m) => {
      const [cal]: { version: number }[] = await m.query('SELECT version FROM sla.calendars WHERE id = $1 FOR UPDATE', [calendarId]);
      if (!cal) throw new DomainError('notFound', `calendar ${calendarId} does not exist`);
      const existing: HolidayNotice[] = (
        await m.query<{ notice: HolidayNotice }[]>('SELECT notice FROM sla.calendar_notices WHERE calendar_id = $1 ORDER BY year', [calendarId])
      ).map((r) => r.notice);
      const clean = Object.fromEntries(Object.entries(notice).filter(([, v]) => v !== undefined));
      let problems = validateNotice(clean, existing.map((n) => n.year));
      // Also refuse a date that a neighbouring year's notice already arranges (e.g. a December make-up day).
      if (!problems.length) problems = validateNotices([...existing, clean]);
      if (problems.length) throw validationError('notice rejected', [{ field: 'notice', messages: problems }]);
      const n = clean as unknown as HolidayNotice;
      await m.query('INSERT INTO sla.calendar_notices (calendar_id, year, notice, loaded_by) VALUES ($1, $2, $3::jsonb, $4)', [
        calendarId,
        n.year,
        JSON.stringify(clean),
        actorId,
      ]);
      await m.query('UPDATE sla.calendars SET version = version + 1, updated_at = now() WHERE id = $1', [calendarId]);
      await enqueueRecompute(m, 'calendar', calendarId, `notice ${n.year} loaded`);
      return { calendarId, year: n.year, version: cal.version + 1 };
    });
  }
}
