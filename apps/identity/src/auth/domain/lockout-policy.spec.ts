import {
  DEFAULT_LOCKOUT_POLICY,
  failureDelayMs,
  lockStatus,
  LoginFailureState,
  recordFailure,
} from './lockout-policy';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + minutes * 60_000);

function failAt(minutes: number[]): LoginFailureState | null {
  return minutes.reduce<LoginFailureState | null>((s, m) => recordFailure(s, at(m)), null);
}

describe('lockout policy', () => {
  it('does not lock after four failures', () => {
    const s = failAt([0, 1, 2, 3]);
    expect(s!.failures).toBe(4);
    expect(lockStatus(s, at(3)).locked).toBe(false);
  });

  it('locks for 15 minutes on the fifth failure within 15 minutes, with a Retry-After in seconds', () => {
    const s = failAt([0, 1, 2, 3, 14]);
    expect(lockStatus(s, at(14))).toEqual({ locked: true, until: at(29), retryAfterSeconds: 900 });
    expect(lockStatus(s, at(28.5))).toMatchObject({ locked: true, retryAfterSeconds: 30 });
    expect(lockStatus(s, at(29)).locked).toBe(false);
  });

  it('does not count failures older than the window', () => {
    const s = failAt([0, 1, 2, 3, 15]);
    expect(s).toEqual({ failures: 1, windowStartedAt: at(15), lockedUntil: null });
    expect(lockStatus(s, at(15)).locked).toBe(false);
  });

  it('starts counting afresh once a lock has run out', () => {
    const locked = failAt([0, 1, 2, 3, 4]);
    const after = recordFailure(locked, at(20));
    expect(after).toEqual({ failures: 1, windowStartedAt: at(20), lockedUntil: null });
  });

  it('holds back each failure a little longer than the last, up to a ceiling', () => {
    const delays = [1, 2, 3, 4, 5, 50].map((n) => failureDelayMs(n));
    expect(delays.slice(0, 5)).toEqual([200, 400, 600, 800, 1000]);
    expect(delays[5]).toBe(DEFAULT_LOCKOUT_POLICY.maxDelayMs);
  });
});
