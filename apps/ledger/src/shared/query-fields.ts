import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in China, YYYY-MM-DD. */
export const shanghaiToday = (now = new Date()): string => SHANGHAI_DAY.format(now);
export const currentMonth = (now = new Date()): string => shanghaiToday(now).slice(0, 7);

export const MONTH_LENGTH = 7;
export const DATE_LENGTH = 10;
export const ID_MAX_LENGTH = 100;
/** Far above any token the service signs (a few hundred characters), well below a URL's limit. */
export const STREAM_TICKET_MAX_LENGTH = 8192;

export const OptionalMonth = (description = 'YYYY-MM (Asia/Shanghai); default: the current month') =>
  applyDecorators(
    ApiPropertyOptional({ description, example: '2026-03', maxLength: MONTH_LENGTH }),
    IsOptional(),
    MaxLength(MONTH_LENGTH, { message: `month must be at most ${MONTH_LENGTH} characters (YYYY-MM)` }),
    Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM, e.g. 2026-03' }),
  );

/** A required month, YYYY-MM. */
export const RequiredMonth = () =>
  applyDecorators(
    ApiProperty({ example: '2026-03', maxLength: MONTH_LENGTH }),
    MaxLength(MONTH_LENGTH, { message: `month must be at most ${MONTH_LENGTH} characters (YYYY-MM)` }),
    Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM, e.g. 2026-03' }),
  );

/** A day of the calendar written YYYY-MM-DD: 2026-02-30 has the form but is no day (PostgreSQL refuses it). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const day = new Date(0);
  day.setUTCFullYear(y, m - 1, d); // Date.UTC would read years 0-99 as 1900-1999
  return y >= 1 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

/** A required day, YYYY-MM-DD. */
export const RequiredDate = (name: string, description: string, example: string) =>
  applyDecorators(
    ApiProperty({ example, description, maxLength: DATE_LENGTH }),
    MaxLength(DATE_LENGTH, { message: `${name} must be at most ${DATE_LENGTH} characters (YYYY-MM-DD)` }),
    ValidateBy(
      { name: 'isCalendarDate', validator: { validate: isCalendarDate } },
      { message: `${name} must be a date YYYY-MM-DD` },
    ),
  );

export const OptionalId = (name: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${name} id`, maxLength: ID_MAX_LENGTH }),
    IsOptional(),
    IsString({ message: `${name} must be a string id` }),
    MaxLength(ID_MAX_LENGTH, { message: `${name} must be at most ${ID_MAX_LENGTH} characters` }),
  );

/** EventSource cannot send headers: a stream opens with a one-use ticket, which the shared guard reads from here. */
export const StreamTicketField = () =>
  applyDecorators(
    ApiPropertyOptional({
      description:
        'a one-use stream ticket from POST /api/v1/identity/stream-tickets (tokens never travel in URLs)',
      maxLength: STREAM_TICKET_MAX_LENGTH,
    }),
    IsOptional(),
    IsString({ message: 'ticket must be a string' }),
    MaxLength(STREAM_TICKET_MAX_LENGTH, {
      message: `ticket must be at most ${STREAM_TICKET_MAX_LENGTH} characters`,
    }),
  );

/** Months from..to inclusive, YYYY-MM each. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const total = y * 12 + (m - 1) + delta;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

export const PERIOD_LENGTH = 7;
export const PERIOD_FORMAT = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** A required period: a month (2026-12), a quarter (2026-Q4) or a year (2026). */
export const RequiredPeriod = (kinds: 'any' | 'quarterOrYear' = 'any') =>
  applyDecorators(
    ApiProperty({
      example: kinds === 'any' ? '2026-Q4' : '2026-Q4',
      description:
        kinds === 'any'
          ? 'a month (2026-12), a quarter (2026-Q4) or a year (2026), Asia/Shanghai'
          : 'a quarter (2026-Q4) or a year (2026), Asia/Shanghai',
      maxLength: PERIOD_LENGTH,
    }),
    MaxLength(PERIOD_LENGTH, { message: `period must be at most ${PERIOD_LENGTH} characters` }),
    Matches(kinds === 'any' ? PERIOD_FORMAT : /^\d{4}(-Q[1-4])?$/, {
      message:
        kinds === 'any'
          ? 'period must be a month (2026-12), a quarter (2026-Q4) or a year (2026)'
          : 'period must be a quarter (2026-Q4) or a year (2026)',
    }),
  );

export const YEAR_PATTERN = /^\d{4}$/;
