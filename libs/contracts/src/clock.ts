import { AsyncLocalStorage } from 'node:async_hooks';

const scoped = new AsyncLocalStorage<number>();
/** While a simulation runs: simulated minus system time, in ms; null otherwise. */
let offsetMs: number | null = null;

/**
 * "Now" for what the services record: the moment a handler stamps on a change (a ticket's step,
 * an event's occurredAt, a routing decision, a firing). System time, except
 * - inside `Clock.at(date, work)`: `date`, for that work and what it awaits (AsyncLocalStorage);
 * - while a simulation runs (`Clock.travel(to)` … `Clock.resume()`): the whole process lives at
 *   the simulated time, which flows from `to` at the real rate. Consumers, timers and worker loops
 *   all see it, which a scoped override could not reach (they run outside the caller's context).
 *   Only for a process that serves nobody else meanwhile: the standalone's demo seeder replays a
 *   past quarter through the real commands before it opens to users.
 * Access tokens, sessions, rate limits, logs, metrics and the ledger's recordedAt keep system time.
 */
export const Clock = {
  now(): Date {
    return new Date(Clock.nowMs());
  },

  nowMs(): number {
    const at = scoped.getStore();
    if (at !== undefined) return at;
    return offsetMs === null ? Date.now() : Date.now() + offsetMs;
  },

  /** Runs `work` with the clock standing at `date`. */
  at<T>(date: Date, work: () => T): T {
    return scoped.run(date.getTime(), work);
  },

  /** Moves the whole process to `to` (a simulation); later moves only go forward. */
  travel(to: Date): void {
    const target = to.getTime();
    if (Number.isNaN(target)) throw new Error('Clock.travel: not a date');
    if (offsetMs !== null && target < Date.now() + offsetMs) {
      throw new Error(
        `Clock.travel: time only moves forward (now ${new Date(Date.now() + offsetMs).toISOString()})`,
      );
    }
    offsetMs = target - Date.now();
  },

  /** Ends the simulation: system time again. */
  resume(): void {
    offsetMs = null;
  },

  /** True while a simulation runs. */
  get simulating(): boolean {
    return offsetMs !== null;
  },
};
