import { PgListener } from './pg-listener';

/** A sleep until a moment that a nearer hint can bring forward. */
export class Alarm {
  /** `now`: the clock the moments are on (epoch ms); system time unless a loop says otherwise. */
  constructor(private readonly now: () => number = Date.now) {}

  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Number.POSITIVE_INFINITY;
  private resolve: (() => void) | undefined;
  /** The earliest hint that arrived while the loop was awake (it may have read the table before the hint's insert committed). */
  private pendingAt = Number.POSITIVE_INFINITY;

  /** Sleeps until `at` (epoch ms), or until a hint for an earlier moment arrives. */
  sleepUntil(at: number): Promise<void> {
    const target = Math.min(at, this.pendingAt);
    this.pendingAt = Number.POSITIVE_INFINITY;
    if (target <= this.now()) return Promise.resolve();
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
    this.timer = setTimeout(() => this.fire(), Math.max(0, Math.min(at - this.now(), 2 ** 31 - 1)));
  }

  private fire(): void {
    clearTimeout(this.timer);
    const r = this.resolve;
    this.resolve = undefined;
    this.wakeAt = Number.POSITIVE_INFINITY;
    r?.();
  }
}

/** What one turn of a loop found: more work now, or the moment (epoch ms) something comes due. */
export type LoopTurn = 'again' | { nextAt: number } | 'idle';

export interface ListeningLoopOptions {
  connectionString: string;
  /** NOTIFY channels that mean "look again". */
  channels: string[];
  /** The longest sleep: notifications are hints, the poll is the guarantee. */
  pollMs: number;
  /** Pause after a failed turn (default 500 ms). */
  retryMs?: number;
  /** One turn of work. */
  turn: () => Promise<LoopTurn>;
  /** When a notification asks to run (epoch ms; default now): e.g. a firing's due time. */
  hintOf?: (channel: string, payload: string) => number;
  /** A failed turn, before the retry pause. */
  onError: (error: Error) => void;
  /**
   * The clock the turns' `nextAt` is on (epoch ms; default system time): a loop whose work falls
   * due in domain time (the SLA engine's firings) passes `Clock.nowMs`, so it keeps time with a
   * simulation too.
   */
  now?: () => number;
}

interface Settler {
  /** Resolved by the first turn that starts after this number of turns started. */
  after: number;
  resolve: () => void;
}

/**
 * The worker loop of a table used as a queue: take a turn of work, then sleep until the next
 * thing is due, the poll interval passes, or a NOTIFY on one of the channels brings it forward.
 * Work that came due while the process was down is found by the first turn after start.
 */
export class ListeningLoop {
  private static readonly running = new Set<ListeningLoop>();
  private readonly alarm: Alarm;
  private readonly listener: PgListener;
  private running = false;
  private loop: Promise<void> | undefined;
  private turnsStarted = 0;
  private settlers: Settler[] = [];

  /**
   * Resolves once every running loop of the process has taken a turn that started after this call
   * and found nothing more to do at once: whatever was due by then is done. Wakes them to do so.
   * For a process that drives itself through time (the demo seeder), between its steps.
   */
  static settleAll(): Promise<void> {
    return Promise.all([...ListeningLoop.running].map((l) => l.settle())).then(() => undefined);
  }

  constructor(private readonly opts: ListeningLoopOptions) {
    this.alarm = new Alarm(opts.now);
    this.listener = new PgListener(
      opts.connectionString,
      opts.channels,
      (channel, payload) => this.alarm.hint(opts.hintOf ? opts.hintOf(channel, payload) : 0),
      () => this.alarm.wakeNow(),
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    ListeningLoop.running.add(this);
    this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    ListeningLoop.running.delete(this);
    this.alarm.wakeNow();
    await this.loop;
    await this.listener.stop();
    this.settled(Number.POSITIVE_INFINITY);
  }

  /** See settleAll: this loop only. */
  settle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    const after = this.turnsStarted;
    const done = new Promise<void>((resolve) => this.settlers.push({ after, resolve }));
    this.alarm.wakeNow();
    return done;
  }

  private settled(turnStarted: number): void {
    const [ready, waiting] = [
      this.settlers.filter((s) => s.after < turnStarted),
      this.settlers.filter((s) => s.after >= turnStarted),
    ];
    this.settlers = waiting;
    for (const s of ready) s.resolve();
  }

  /** Cuts the current sleep short (after work was added in this process). */
  wake(): void {
    this.alarm.wakeNow();
  }

  private async run(): Promise<void> {
    const now = this.opts.now ?? Date.now;
    while (this.running) {
      try {
        const started = ++this.turnsStarted;
        const turn = await this.opts.turn();
        if (turn === 'again' || !this.running) continue;
        this.settled(started);
        const poll = now() + this.opts.pollMs;
        await this.alarm.sleepUntil(turn === 'idle' ? poll : Math.min(turn.nextAt, poll));
      } catch (e) {
        if (!this.running) break;
        this.opts.onError(e as Error);
        await new Promise((r) => setTimeout(r, this.opts.retryMs ?? 500));
      }
    }
  }
}
