import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DATABASE_URL } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { Observable, Subject } from 'rxjs';
import { LEDGER_NOTIFY_CHANNEL } from '../chain/infrastructure/ledger-appender';

export interface AppendedNotice {
  seq: number;
  type: string;
  topic: string;
  ticketId: string | null;
  departmentId: string | null;
  occurredAt: string;
}

/**
 * Entries as they commit, from PostgreSQL's NOTIFY (sent inside the append transaction): every
 * instance hears every append, whichever instance wrote it. One LISTEN connection per process,
 * opened when the first dashboard subscribes and re-opened if it drops.
 */
@Injectable()
export class LedgerStream implements OnApplicationShutdown {
  private readonly notices = new Subject<AppendedNotice>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;

  constructor(
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async appended(): Promise<Observable<AppendedNotice>> {
    await this.listen();
    return this.notices.asObservable();
  }

  private listen(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new Client({ connectionString: this.url, application_name: 'ledger-stream' });
      client.on('notification', (n) => {
        if (n.channel !== LEDGER_NOTIFY_CHANNEL || !n.payload) return;
        try {
          this.notices.next(JSON.parse(n.payload) as AppendedNotice);
        } catch {
          /* a notice we did not write; ignore */
        }
      });
      client.on('error', (e) => {
        this.logger.warn({ error: e.message }, 'ledger stream lost its LISTEN connection; reconnecting');
        this.client = null;
        void client.end().catch(() => undefined);
        if (!this.closed) setTimeout(() => void this.listen(), 1000).unref();
      });
      await client.connect();
      await client.query(`LISTEN ${LEDGER_NOTIFY_CHANNEL}`);
      this.client = client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.notices.complete();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}
