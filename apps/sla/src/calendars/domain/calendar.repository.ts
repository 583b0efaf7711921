import { WorkCalendar } from '@ticketing/calendar';
import { Calendar } from './calendar.aggregate';

/**
 * Calendars (the port handlers depend on). `save` writes a changed calendar, the notices loaded
 * into it and, when working time moved, the recompute of the open timers on it, in the open unit
 * of work.
 */
export abstract class CalendarRepository {
  /** The calendar's working-time arithmetic; a 404 for an unknown id. */
  abstract workCalendar(id: string): Promise<WorkCalendar>;
  /** Every calendar id, for policies to name. */
  abstract ids(): Promise<string[]>;
  /** The calendar with its notices, locked until the unit of work ends; null when there is none. */
  abstract lock(id: string): Promise<Calendar | null>;
  /** Writes a new calendar and its notices; false, writing nothing, when the id is taken. */
  abstract add(calendar: Calendar): Promise<boolean>;
  abstract save(calendar: Calendar): Promise<void>;
}
