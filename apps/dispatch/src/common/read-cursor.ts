import { decodeCursor, invalidField } from '@ticketing/platform';

/**
 * The keyset (a time and an id) of a list's cursor, as its handler made it with encodeCursor; a
 * cursor that decodes to anything else is a 400 on `cursor`, like one that fails the page query.
 */
export function readCursor(cursor: string | null): { at: Date; id: string } | null {
  if (cursor === null) return null;
  const [at, id] = decodeCursor(cursor, 2) ?? [];
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) {
    throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
  }
  return { at: date, id };
}
