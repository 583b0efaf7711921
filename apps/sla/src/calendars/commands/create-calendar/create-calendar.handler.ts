import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CHINA_NOTICES, CalendarConfigError, DEFAULT_WORKING_HOURS, WorkCalendar, WorkingPeriod } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { validationError } from '../../../shared/problems';
import { SLA_SCHEMA } from '../../../shared/queryable';
import { enqueueRecompute } from '../../../timers/recompute/recompute.worker';
import { CreateCalendarRequestDto } from './create-calendar.request.dto';

/** Builds the calendar once to check hours and zone with the library's own rules. */
export function checkCalendarSettings(timeZone: string, workingHours: unknown): void {
  try {
    new WorkCalendar({ notices: [], timeZone, workingHours: workingHours as WorkingPeriod[] });
  } catch (e) {
    if (e instanceof CalendarConfigError) {
      throw validationError('calendar rejected', [
        { field: 'workingHours', messages: e.problems.filter((p) => p.startsWith('working hours')) },
        { field: 'timeZone', messages: e.problems.filter((p) => !p.startsWith('working hours')) },
      ].filter((f) => f.messages.length));
    }
    throw e;
  }
}

/** Calendars side by side (e.g. one per zone), each with its own hours and notices. */
@Injectable()
export class CreateCalendarHandler {
  constructor(@InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource) {}

  async create(dto: CreateCalendarRequestDto, actorId: string): Promise<{ id: string; version: number }> {
    const timeZone = dto.timeZone ?? 'Asia/Shanghai';
    const hours = dto.workingHours ?? DEFAULT_WORKING_HOURS;
    checkCalendarSettings(timeZone, hours);
    return this.ds.transaction(async (m) => {
      const inserted: unknown[] = await m.query(
        `INSERT INTO sla.calendars (id, name, time_zone, working_hours) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [dto.id, dto.name, timeZone, JSON.stringify(hours)],
      );
      if (!inserted.length) throw validationError('calendar rejected', [{ field: 'id', messages: [`a calendar ${dto.id} already exists`] }]);
      if ((dto.notices ?? 'china') === 'china') {
        for (const n of CHINA_NOTICES) {
          await m.query('INSERT INTO sla.calendar_notices (calendar_id, year, notice, loaded_by) VALUES ($1, $2, $3::jsonb, $4)', [
            dto.id,
            n.year,
            JSON.stringify(n),
            actorId,
          ]);
        }
      }
      return { id: dto.id, version: 1 };
    });
  }

  async setWorkingHours(calendarId: string, hours: unknown): Promise<{ id: string; version: number }> {
    return this.ds.transaction(async (m) => {
      const [cal]: { version: number; time_zone: string }[] = await m.query(
        'SELECT version, time_zone FROM sla.calendars WHERE id = $1 FOR UPDATE',
        [calendarId],
      );
      if (!cal) throw new DomainError('notFound', `calendar ${calendarId} does not exist`);
      checkCalendarSettings(cal.time_zone, hours);
      await m.query('UPDATE sla.calendars SET working_hours = $2::jsonb, version = version + 1, updated_at = now() WHERE id = $1', [
        calendarId,
        JSON.stringify(hours),
      ]);
      await enqueueRecompute(m, 'calendar', calendarId, 'working hours changed');
      return { id: calendarId, version: cal.version + 1 };
    });
  }
}
