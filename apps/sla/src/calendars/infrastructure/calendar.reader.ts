import { Injectable } from '@nestjs/common';
import { HolidayNotice } from '@ticketing/calendar';
import { TransactionContext } from '@ticketing/database';

export interface CalendarListRow {
  id: string;
  name: string;
  name_en: string | null;
  time_zone: string;
  working_hours: unknown;
  version: number;
}

export interface NoticeListRow {
  calendar_id: string;
  notice: HolidayNotice;
  loaded_at: Date;
}

/** The calendars as the calendar page lists them. */
@Injectable()
export class CalendarReader {
  constructor(private readonly tx: TransactionContext) {}

  async all(): Promise<{ calendars: CalendarListRow[]; notices: NoticeListRow[] }> {
    const q = this.tx.manager;
    return {
      calendars: await q.query(
        'SELECT id, name, name_en, time_zone, working_hours, version FROM sla.calendars ORDER BY id',
      ),
      notices: await q.query('SELECT calendar_id, notice, loaded_at FROM sla.calendar_notices ORDER BY year'),
    };
  }
}
