import { Client } from 'pg';

/**
 * One LISTEN connection outside the pool, reconnecting after a drop. Notifications are hints
 * only: every loop that listens also polls, so a lost one costs a poll interval, never an event.
 */
export class NotificationListener {
  private running = false;
  private client: Client | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channels: string[],
    private readonly onNotify: (channel: string, payload: string) => void,
    private readonly onConnected: () => void = () => undefined,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.client?.end().catch(() => undefined);
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const client = new Client({ connectionString: this.connectionString, application_name: 'sla:listen' });
      this.client = client;
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', (n) => this.onNotify(n.channel, n.payload ?? ''));
        for (const c of this.channels) await client.query(`LISTEN ${c}`);
        this.onConnected(); // anything notified while we were away is found by the caller's next query
        await closed;
      } catch {
        // fall through to the reconnect delay; the pollers cover the gap
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

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
