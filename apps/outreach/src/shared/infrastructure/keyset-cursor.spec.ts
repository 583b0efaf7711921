import { encodeCursor } from '@ticketing/platform';
import { keysetCursor } from './keyset-cursor';

describe('keysetCursor', () => {
  it('gives back the keys of a cursor the list made', () => {
    const at = '2026-03-01T02:00:00.000Z';
    const id = '0190f1f0-0000-7000-8000-000000000001';
    expect(keysetCursor(encodeCursor(at, id), ['instant', 'uuid'])).toEqual([at, id]);
  });

  it('refuses a forged one naming the cursor, before SQL could fail to cast it', () => {
    for (const forged of [encodeCursor('1', 'x'), encodeCursor('2026-13', 'x'), 'Zm9v'])
      expect(() => keysetCursor(forged, ['instant', 'uuid'])).toThrow(
        expect.objectContaining({ details: { errors: [expect.objectContaining({ field: 'cursor' })] } }),
      );
  });
});
