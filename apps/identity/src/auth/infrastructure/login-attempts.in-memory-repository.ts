import { LoginAttemptCount, LoginAttempts } from '../domain/login-attempts';

/** Windows in a map, on a clock the spec moves. */
export class InMemoryLoginAttempts extends LoginAttempts {
  private readonly windows = new Map<string, { start: number; attempts: number }>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  async count(client: string, windowSeconds: number): Promise<LoginAttemptCount> {
    const now = this.now();
    const w = this.windows.get(client);
    const current =
      w && w.start > now - windowSeconds * 1000
        ? { ...w, attempts: w.attempts + 1 }
        : { start: now, attempts: 1 };
    this.windows.set(client, current);
    return {
      attempts: current.attempts,
      retryAfterSeconds: Math.max(1, Math.ceil((current.start + windowSeconds * 1000 - now) / 1000)),
    };
  }
}
