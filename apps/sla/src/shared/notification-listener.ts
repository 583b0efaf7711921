/** A sleep until a moment that a nearer hint can bring forward. */
export class Alarm {
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private resolve: (() => void) | undefined;
  /** The earliest hint that arrived while the loop was awake (it may have read the table before the hint's insert committed). */
  private pendingAt = Number.POSITIVE_INFINITY;

  /** Sleeps until `at` (epoch ms), or until a hint for an earlier moment arrives. */
  sleepUntil(at: number): Promise<void> {
    const target = Math.min(at, this.pendingAt);
    this.pendingAt = Number.POSITIVE_INFINITY;
    if (target <= Date.now()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.resolve = resolve;
      this.arm(target);
    });
  }

  /** Something is due at `at`: wake then, if that is before the current wake-up time. */
  hint(at: number): void {
    if (!this.resolve) {
      this.pendingAt = Math.min(this.pendingAt, at);
      return;
    }
    if (at < this.wakeAt) this.arm(at);
  }

  wakeNow(): void {
    this.hint(Number.NEGATIVE_INFINITY);
  }

  private arm(at: number): void {
    clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.min(at - Date.now(), 2 ** 31 - 1)));
  }

  private fire(): void {
    clearTimeout(this.timer);
    const r = this.resolve;
    this.resolve = undefined;
    this.wakeAt = Number.POSITIVE_INFINITY;
    r?.();
  }
}
