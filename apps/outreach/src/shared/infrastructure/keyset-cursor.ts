import { decodeCursor, invalidField } from '@ticketing/platform';

const SHAPES = {
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  text: /^[\s\S]{1,500}$/,
} as const;

/**
 * The keyset of a list's cursor, each part checked against the shape its column takes, so a forged
 * cursor is a 400 naming `cursor` and never reaches SQL as a value it cannot cast.
 */
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
