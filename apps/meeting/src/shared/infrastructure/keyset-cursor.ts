import { decodeCursor, invalidField } from '@ticketing/platform';

const SHAPES = {
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
} as const;

/** The keyset of a list's cursor, each part checked before SQL: a forged cursor is a 400 naming `cursor`. */
export function keysetCursor(cursor: string, shapes: (keyof typeof SHAPES)[]): string[] {
  const keys = decodeCursor(cursor, shapes.length);
  if (
    !keys ||
    !keys.every(
      (k, i) => SHAPES[shapes[i]].test(k) && (shapes[i] !== 'instant' || !Number.isNaN(Date.parse(k))),
    )
  )
    throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
  return keys;
}
