import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 50;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Cursor pagination for a list: pass the previous page's `nextCursor` to get the next one. The
 * cursor is opaque to clients (an id, or a keyset encoded by `encodeCursor`). Extend the class
 * this returns with the list's own filters; `maxLimit` is the largest page the list serves.
 */
export function PageQuery(maxLimit = 100) {
  class PageQueryDto {
    @ApiPropertyOptional({ description: 'nextCursor of the previous page', maxLength: 200 })
    @IsOptional()
    @IsString({ message: 'cursor must be the nextCursor of a previous page' })
    @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
    cursor?: string;

    @ApiPropertyOptional({ minimum: 1, maximum: maxLimit, default: DEFAULT_PAGE_SIZE })
    @IsOptional()
    @Type(() => Number)
    @IsInt({ message: `limit must be a whole number between 1 and ${maxLimit}` })
    @Min(1, { message: `limit must be a whole number between 1 and ${maxLimit}` })
    @Max(maxLimit, { message: `limit must be a whole number between 1 and ${maxLimit}` })
    limit?: number;
  }
  return PageQueryDto;
}

/** A keyset (e.g. a time and an id) as an opaque cursor. */
export const encodeCursor = (...parts: string[]): string =>
  Buffer.from(parts.join('|')).toString('base64url');

/** The keyset of a cursor made by encodeCursor with `size` parts; null when it is not one. */
export function decodeCursor(cursor: string, size: number): string[] | null {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|');
  return parts.length === size && parts.every((p) => p.length > 0) ? parts : null;
}

/** Rows were fetched with limit + 1: the extra one only tells that there is a next page. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (r: R) => T,
  cursorOf: (r: R) => string,
): Page<T> {
  const items = rows.slice(0, limit);
  return {
    items: items.map(map),
    nextCursor: rows.length > limit ? cursorOf(items[items.length - 1]) : null,
  };
}

/** `%` and `_` typed by a user are text, not wildcards. */
export const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
