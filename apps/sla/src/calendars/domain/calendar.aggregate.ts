import {
  CalendarConfigError,
  HolidayNotice,
  WorkCalendar,
  WorkingPeriod,
  validateNotice,
  validateNotices,
} from '@ticketing/calendar';
import { fieldProblem } from '@ticketing/platform';

/** China has no DST: one fixed-offset zone serves the whole country. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Builds the calendar once to check hours and zone with the calendar library's own rules. */
function checkSettings(timeZone: string, workingHours: readonly WorkingPeriod[]): void {
  try {
    new WorkCalendar({ notices: [], timeZone, workingHours });
  } catch (e) {
    if (e instanceof CalendarConfigError) {
      throw fieldProblem(
        [
          { field: 'workingHours', messages: e.problems.filter((p) => p.startsWith('working hours')) },
          { field: 'timeZone', messages: e.problems.filter((p) => !p.startsWith('working hours')) },
        ].filter((f) => f.messages.length),
        'calendar rejected',
      );
    }
    throw e;
  }
}

/** validateNotice found nothing wrong: the record is a notice. */
const isNotice = (
  n: Record<string, unknown>,
  problems: readonly string[],
): n is Record<string, unknown> & HolidayNotice => problems.length === 0;

const samePeriods = (a: readonly WorkingPeriod[], b: readonly WorkingPeriod[]): boolean =>
  a.length === b.length && a.every((p, i) => p.start === b[i]!.start && p.end === b[i]!.end);

/** A notice as loaded into a calendar, and who loaded it. */
export interface LoadedNotice {
  notice: HolidayNotice;
  loadedBy: string;
}

export interface CalendarState {
  id: string;
  /** 中文 name; `nameEn` beside it for the English UI. */
  name: string;
  nameEn: string | null;
  timeZone: string;
  workingHours: WorkingPeriod[];
  version: number;
  /** The years already loaded, in order. */
  notices: HolidayNotice[];
}

/**
 * A working-day calendar (e.g. one per zone): its time zone, daily working hours and the State
 * Council notices loaded into it. Every change that moves working time bumps its version and asks
 * for the open timers on it to be recomputed.
 */
export class Calendar {
  private readonly loaded: LoadedNotice[] = [];
  private hoursChanged = false;
  private recompute: string | null = null;

  private constructor(
    private readonly s: CalendarState,
    readonly isNew: boolean,
  ) {}

  /** A new calendar, version 1, starting with the notices given (loaded by `by`). */
  static create(p: {
    id: string;
    name: string;
    nameEn: string | null;
    timeZone: string;
    workingHours: WorkingPeriod[];
    notices: readonly HolidayNotice[];
    by: string;
  }): Calendar {
    checkSettings(p.timeZone, p.workingHours);
    const calendar = new Calendar(
      {
        id: p.id,
        name: p.name,
        nameEn: p.nameEn,
        timeZone: p.timeZone,
        workingHours: p.workingHours.map((h) => ({ start: h.start, end: h.end })),
        version: 1,
        notices: [...p.notices],
      },
      true,
    );
    for (const notice of p.notices) calendar.loaded.push({ notice, loadedBy: p.by });
    return calendar;
  }

  static restore(s: CalendarState): Calendar {
    return new Calendar({ ...s, notices: [...s.notices] }, false);
  }

  /** New daily hours; false, changing nothing, when they are the current ones. */
  setWorkingHours(hours: WorkingPeriod[]): boolean {
    checkSettings(this.s.timeZone, hours);
    if (samePeriods(hours, this.s.workingHours)) return false;
    this.s.workingHours = hours.map((h) => ({ start: h.start, end: h.end }));
    this.s.version += 1;
    this.hoursChanged = true;
    this.recompute = 'working hours changed';
    return true;
  }

  /**
   * Loads one year's notice. Refuses a malformed notice, a year already loaded, and a date that a
   * neighbouring year's notice already arranges (e.g. a December make-up day).
   */
  loadNotice(notice: Record<string, unknown>, by: string): HolidayNotice {
    const clean = Object.fromEntries(Object.entries(notice).filter(([, v]) => v !== undefined));
    let problems = validateNotice(
      clean,
      this.s.notices.map((n) => n.year),
    );
    if (!problems.length) problems = validateNotices([...this.s.notices, clean]);
    if (!isNotice(clean, problems))
      throw fieldProblem([{ field: 'notice', messages: problems }], 'notice rejected');
    this.s.notices.push(clean);
    this.loaded.push({ notice: clean, loadedBy: by });
    this.s.version += 1;
    this.recompute = `notice ${clean.year} loaded`;
    return clean;
  }

  get id(): string {
    return this.s.id;
  }
  get name(): string {
    return this.s.name;
  }
  get nameEn(): string | null {
    return this.s.nameEn;
  }
  get timeZone(): string {
    return this.s.timeZone;
  }
  get workingHours(): readonly WorkingPeriod[] {
    return this.s.workingHours;
  }
  get version(): number {
    return this.s.version;
  }
  get notices(): readonly HolidayNotice[] {
    return this.s.notices;
  }
  /** Notices loaded since it was created or restored, to be written. */
  get newNotices(): readonly LoadedNotice[] {
    return this.loaded;
  }
  get workingHoursChanged(): boolean {
    return this.hoursChanged;
  }
  /** Why the open timers on this calendar must be recomputed; null when nothing moved. */
  get recomputeReason(): string | null {
    return this.recompute;
  }
}
