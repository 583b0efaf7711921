export { CalendarConfigError } from './calendar.error';
export { CHINA_2024, CHINA_2025, CHINA_2026, CHINA_NOTICES } from './data';
export {
  DAY_MS,
  MINUTE_MS,
  formatLocalDate,
  isValidLocalDate,
  parseLocalDate,
  tryParseLocalDate,
  weekdayOf,
} from './local-date';
export { validateNotice, validateNotices } from './notice';
export type { HolidayNotice, HolidayPeriod } from './notice';
export { FIXED_UTC_OFFSETS, WorkCalendar, createChinaWorkCalendar } from './work-calendar';
export type { DayDeadline, DayInfo, DayKind, Instant, WorkCalendarOptions } from './work-calendar';
export { DEFAULT_WORKING_HOURS, validateWorkingHours } from './working-hours';
export type { WorkingPeriod } from './working-hours';
