import { afterFailure } from './retry-policy';

describe('afterFailure', () => {
  const p = { maxAttempts: 4, baseMs: 1000, capMs: 3000 };
  it('doubles the delay with jitter between half and all of it, capped, then gives up', () => {
    expect(afterFailure(1, p, () => 0)).toEqual({ retryInMs: 500 });
    expect(afterFailure(1, p, () => 1)).toEqual({ retryInMs: 1000 });
    expect(afterFailure(2, p, () => 1)).toEqual({ retryInMs: 2000 });
    expect(afterFailure(3, p, () => 1)).toEqual({ retryInMs: 3000 });
    expect(afterFailure(4, p)).toBe('give-up');
  });
});
