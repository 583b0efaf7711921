import { isValidCreditCode } from '../directory/domain/credit-code';
import { DEMO_ENTERPRISES, DEMO_GRIDS } from './demo-data';

describe('demo data', () => {
  it('has 20 enterprises with valid, distinct credit codes and distinct names', () => {
    expect(DEMO_ENTERPRISES).toHaveLength(20);
    for (const e of DEMO_ENTERPRISES)
      expect([e.creditCode, isValidCreditCode(e.creditCode)]).toEqual([e.creditCode, true]);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.creditCode)).size).toBe(20);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.name)).size).toBe(20);
  });

  it('spreads the enterprises over the three grids and many industries', () => {
    expect(DEMO_GRIDS.map((g) => g.name)).toEqual(['东区网格', '西区网格', '南区网格']);
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.gridIndex))).toEqual(new Set([0, 1, 2]));
    expect(new Set(DEMO_ENTERPRISES.map((e) => e.industry)).size).toBeGreaterThanOrEqual(15);
  });
});
