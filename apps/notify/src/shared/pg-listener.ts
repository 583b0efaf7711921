import { Client } from 'pg';

/**
 * One LISTEN connection outside the pool, reconnecting after a drop. Notifications are hints only:
 * every loop that listens also polls, so a lost one costs a poll interval, never a message.
 */
export class PgListener {
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
      const client = new Client({
        connectionString: this.connectionString,
        application_name: 'notify:listen',
      });
      this.client = client;
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', (n) => this.onNotify(n.channel, n.payload ?? ''));
        for (const c of this.channels) await client.query(`LISTEN ${c}`);
        this.onConnected();
        await closed;
      } catch {
        // reconnect below; the polls cover the gap
      }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** A sleep that a nudge cuts short; a nudge while awake makes the next sleep return at once. */
export class Nudge {
  private pending: (() => void) | undefined;
  private signalled = false;

  wake(): void {
    this.signalled = true;
    this.pending?.();
  }

  async sleep(ms: number): Promise<void> {
    if (this.signalled) {
      this.signalled = false;
      return;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.pending = done;
    });
    this.signalled = false;
  }
}
