import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { DATABASE_URL, PgListener } from '@ticketing/database';
import { Observable, Subject } from 'rxjs';
import { LEDGER_NOTIFY_CHANNEL } from '../../chain/infrastructure/ledger-chain.typeorm-repository';
import { AppendedNotice } from '../domain/appended-notice';

/**
 * Entries as they commit, from PostgreSQL's NOTIFY (sent inside the append transaction): every
 * instance hears every append, whichever instance wrote it. One LISTEN connection per process,
 * opened when the first dashboard subscribes and re-opened if it drops.
 */
@Injectable()
export class LedgerStream implements OnApplicationShutdown {
  private readonly notices = new Subject<AppendedNotice>();
  private listener: PgListener | null = null;
  private listening: Promise<void> | null = null;
  private closed = false;

  constructor(@Inject(DATABASE_URL) private readonly url: string) {}

  /** The notices from now on: resolves once the LISTEN is in place, so none committed after is missed. */
  async appended(): Promise<Observable<AppendedNotice>> {
    if (!this.closed) await this.listen();
    return this.notices.asObservable();
  }

  private listen(): Promise<void> {
    this.listening ??= new Promise<void>((listening) => {
      this.listener = new PgListener(
        this.url,
        [LEDGER_NOTIFY_CHANNEL],
        (_channel, payload) => this.heard(payload),
        listening,
      );
      this.listener.start();
    });
    return this.listening;
  }

  private heard(payload: string): void {
    try {
      this.notices.next(JSON.parse(payload) as AppendedNotice);
    } catch {
      /* a notice we did not write; ignore */
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.notices.complete();
    await this.listener?.stop();
  }
}
