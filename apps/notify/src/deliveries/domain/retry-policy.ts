export interface RetryPolicy {
  maxAttempts: number;
  baseMs: number;
  capMs: number;
}

/**
 * What happens after a failed attempt: another try after an exponential delay with jitter (half
 * fixed, half random, so a receiver coming back is not hit by every queued message at once),
 * or failed for good once the attempts are used up.
 */
export function afterFailure(
  attempts: number,
  p: RetryPolicy,
  random = Math.random,
): { retryInMs: number } | 'give-up' {
  if (attempts >= p.maxAttempts) return 'give-up';
  const exp = Math.min(p.capMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
  return { retryInMs: Math.round(exp / 2 + random() * (exp / 2)) };
}
