import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in China, YYYY-MM-DD. */
export const shanghaiToday = (now = new Date()): string => SHANGHAI_DAY.format(now);
export const currentMonth = (now = new Date()): string => shanghaiToday(now).slice(0, 7);

export const OptionalMonth = (description = 'YYYY-MM (Asia/Shanghai); default: the current month') =>
  applyDecorators(
    ApiPropertyOptional({ description, example: '2026-03' }),
    IsOptional(),
    Matches(MONTH_PATTERN, { message: 'month must be YYYY-MM, e.g. 2026-03' }),
  );

export const OptionalId = (name: string) =>
  applyDecorators(
    ApiPropertyOptional({ description: `${name} id` }),
    IsOptional(),
    IsString({ message: `${name} must be a string id` }),
    MaxLength(100, { message: `${name} must be at most 100 characters` }),
  );

/** EventSource and download links cannot send headers; the shared guard reads the token from here. */
export const AccessTokenField = () =>
  applyDecorators(
    ApiPropertyOptional({ description: 'access token, for clients that cannot send an Authorization header' }),
    IsOptional(),
    IsString({ message: 'access_token must be a string' }),
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
