import { Client } from 'pg';

/** The application_name of a process's LISTEN connection to one database. */
export const LISTEN_APPLICATION_NAME = 'listen';

interface Subscription {
  readonly channels: readonly string[];
  onNotify(channel: string, payload: string): void;
  onConnected(): void;
  onDisconnected(): void;
  /** Its channels are LISTENed on the current connection, and it was told so. */
  listening: boolean;
}

/**
 * A process's one LISTEN connection to a database, shared by every {@link PgListener} of that
 * database: the relays, the session and settings feeds, the timers' loops and the live streams.
 * PostgreSQL wakes every listening backend of a database at each notifying commit, whatever its
 * channels, so each extra listening connection costs a backend wake-up per outbox append; one per
 * process costs one. Reconnects a second after a drop and LISTENs every subscription's channels
 * again, each subscription told when its channels are listened and when they were lost.
 */
class SharedListenConnection {
  private static readonly byDatabase = new Map<string, SharedListenConnection>();

  static for(connectionString: string): SharedListenConnection {
    let c = SharedListenConnection.byDatabase.get(connectionString);
    if (!c) {
      c = new SharedListenConnection(connectionString);
      SharedListenConnection.byDatabase.set(connectionString, c);
    }
    return c;
  }

  private readonly subscriptions = new Set<Subscription>();
  private running = false;
  private loop: Promise<void> | undefined;
  private client: Client | undefined;
  /** Set once the current client is connected; subscriptions added after it LISTEN themselves. */
  private connected = false;
  private listened = new Set<string>();
  /** LISTEN and UNLISTEN one after another on the one client. */
  private commands: Promise<void> = Promise.resolve();

  private constructor(private readonly connectionString: string) {}

  add(s: Subscription): void {
    this.subscriptions.add(s);
    if (!this.running) {
      this.running = true;
      this.loop = this.run();
    } else if (this.connected && this.client) this.listenFor(this.client, s);
  }

  async remove(s: Subscription): Promise<void> {
    if (!this.subscriptions.delete(s)) return;
    s.listening = false;
    if (this.subscriptions.size) {
      const wanted = new Set([...this.subscriptions].flatMap((x) => x.channels));
      const client = this.client;
      for (const c of s.channels)
        if (!wanted.has(c) && client && this.listened.has(c))
          this.command(client, async () => {
            await client.query(`UNLISTEN ${c}`);
            this.listened.delete(c);
          });
      return;
    }
    this.running = false;
    SharedListenConnection.byDatabase.delete(this.connectionString);
    await this.client?.end().catch(() => undefined);
    await this.loop;
  }

  private command(client: Client, f: () => Promise<void>): void {
    // A failed command means the connection failed: the loop sees it close and starts over.
    this.commands = this.commands
      .then(() => (this.client === client ? f() : undefined))
      .catch(() => undefined);
  }

  private listenFor(client: Client, s: Subscription): void {
    this.command(client, async () => {
      for (const c of s.channels)
        if (!this.listened.has(c)) {
          await client.query(`LISTEN ${c}`);
          this.listened.add(c);
        }
      if (this.client === client && this.connected && this.subscriptions.has(s) && !s.listening) {
        s.listening = true;
        s.onConnected();
      }
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      const client = new Client({
        connectionString: this.connectionString,
        application_name: LISTEN_APPLICATION_NAME,
      });
      this.client = client;
      this.listened = new Set();
      try {
        const closed = new Promise<void>((resolve) => {
          client.on('error', () => resolve());
          client.on('end', () => resolve());
        });
        await client.connect();
        client.on('notification', (n) => {
          for (const s of this.subscriptions)
            if (s.listening && s.channels.includes(n.channel)) s.onNotify(n.channel, n.payload ?? '');
        });
        this.connected = true;
        for (const s of this.subscriptions) this.listenFor(client, s);
        await closed;
      } catch {
        // fall through to the reconnect delay; the callers' polls cover the gap
      }
      this.connected = false;
      for (const s of this.subscriptions)
        if (s.listening) {
          s.listening = false;
          s.onDisconnected();
        }
      await client.end().catch(() => undefined);
      if (this.running) await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * LISTEN on some channels, over the process's one LISTEN connection to the database (reconnecting
 * after a drop). Notifications are hints only: every loop that listens also polls, so a lost one
 * costs a poll interval, never an event. `onConnected` runs once these channels are listened,
 * after each (re)connection: whatever was notified while away is found by the caller's next query.
 */
export class PgListener {
  private subscription: Subscription | undefined;
  private shared: SharedListenConnection | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly channels: string[],
    private readonly onNotify: (channel: string, payload: string) => void,
    private readonly onConnected: () => void = () => undefined,
    /** After a connection that had been listening dropped (before the reconnect delay). */
    private readonly onDisconnected: () => void = () => undefined,
  ) {}

  start(): void {
    if (this.subscription) return;
    this.subscription = {
      channels: [...this.channels],
      onNotify: this.onNotify,
      onConnected: this.onConnected,
      onDisconnected: this.onDisconnected,
      listening: false,
    };
    this.shared = SharedListenConnection.for(this.connectionString);
    this.shared.add(this.subscription);
  }

  async stop(): Promise<void> {
    const s = this.subscription;
    this.subscription = undefined;
    if (s) await this.shared?.remove(s);
  }
}
