/** What a recompute goes over: the open timers of one policy, or of one calendar. */
export type RecomputeScope = 'policy' | 'calendar';

/**
 * A recompute after a policy or calendar change, done a batch at a time: the cursor is the last
 * timer id done, so a crash resumes where it stopped.
 */
export class RecomputeJob {
  private done = false;
  private lastBatch = { processed: 0, changed: 0 };

  constructor(
    readonly id: string,
    readonly scope: RecomputeScope,
    readonly target: string,
    private position: string | null,
  ) {}

  get cursor(): string | null {
    return this.position;
  }
  get finished(): boolean {
    return this.done;
  }
  /** The batch just done: timers looked at, and timers whose deadline moved or that stopped. */
  get batch(): { processed: number; changed: number } {
    return this.lastBatch;
  }

  advance(lastTimerId: string, processed: number, changed: number): void {
    this.position = lastTimerId;
    this.lastBatch = { processed, changed };
  }

  finish(): void {
    this.done = true;
  }
}
