/** What counting one more login attempt from a client found. */
export interface LoginAttemptCount {
  /** Attempts from the client in its current window, this one included. */
  attempts: number;
  /** Until the window ends (whole seconds, at least 1). */
  retryAfterSeconds: number;
}

/**
 * Login attempts per client address in a window, counted where every instance of identity sees
 * them (PostgreSQL), so running more instances does not multiply the limit.
 */
export abstract class LoginAttempts {
  /** Counts one attempt from `client`; a window opens at its first attempt and lasts `windowSeconds`. */
  abstract count(client: string, windowSeconds: number): Promise<LoginAttemptCount>;
}
