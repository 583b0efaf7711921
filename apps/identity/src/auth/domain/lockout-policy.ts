/**
 * Slowing and locking password guessing per username (existing or not, so a lock reveals nothing):
 * `maxFailures` failures inside `windowMs` lock the name for `lockMs`; every failure is answered a
 * little later than the one before.
 */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  baseDelayMs: 200,
  maxDelayMs: 2_000,
};

export interface LoginFailureState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export type LockStatus = { locked: false } | { locked: true; until: Date; retryAfterSeconds: number };

export function lockStatus(state: LoginFailureState | null, now: Date): LockStatus {
  if (!state?.lockedUntil || state.lockedUntil <= now) return { locked: false };
  return {
    locked: true,
    until: state.lockedUntil,
    retryAfterSeconds: Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000)),
  };
}

/** The state after one more failure at `now`. An expired window or lock starts counting afresh. */
export function recordFailure(
  state: LoginFailureState | null,
  now: Date,
  policy = DEFAULT_LOCKOUT_POLICY,
): LoginFailureState {
  const windowOver = !state || now.getTime() - state.windowStartedAt.getTime() >= policy.windowMs;
  const lockOver = !!state?.lockedUntil && state.lockedUntil <= now;
  const failures = windowOver || lockOver ? 1 : state!.failures + 1;
  const windowStartedAt = windowOver || lockOver ? now : state!.windowStartedAt;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}

/** How long to hold back the answer to the n-th failure in a row (1-based). */
export const failureDelayMs = (failures: number, policy = DEFAULT_LOCKOUT_POLICY): number =>
  Math.min(policy.maxDelayMs, policy.baseDelayMs * Math.max(1, failures));
