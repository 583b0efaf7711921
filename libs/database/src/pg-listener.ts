import { Client } from 'pg';

/**
 * One LISTEN connection outside the pool, reconnecting after a drop. Notifications are hints
 * only: every loop that listens also polls, so a lost one costs a poll interval, never an event.
 * `onConnected` runs after each (re)connection: whatever was notified while away is found by the
 * caller's next query.
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
    private readonly applicationName = 'listen',
    /** After a connection that had been listening dropped (before the reconnect delay). */
    private readonly onDisconnected: () => void = () => undefined,
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
        application_name: this.applicationName,
      });
      this.client = client;
      let listening = false;
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', (n) => this.onNotify(n.channel, n.payload ?? ''));
        for (const c of this.channels) await client.query(`LISTEN ${c}`);
        listening = true;
        this.onConnected();
        await closed;
      } catch {
        // fall through to the reconnect delay; the callers' polls cover the gap
      }
      if (listening) this.onDisconnected();
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
