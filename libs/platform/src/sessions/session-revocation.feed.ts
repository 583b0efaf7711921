import {
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { SessionRevocations, StreamTickets } from '@ticketing/auth';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { DATABASE_URL, ListeningLoop, TransactionContext } from '@ticketing/database';
import { EventConsumers } from '@ticketing/messaging';
import type { Logger } from 'pino';
import { APP_LOGGER } from '../core.module';
import { sessionRevocationChannel } from './session-revocation.sql';

/** The longest an access token lives, with a margin: older revocations ended nothing that is still valid. */
const KEEP_MS = 24 * 3600_000;
/** Longer than any transaction that records a revocation. */
const SETTLE_MS = 10_000;

export const SESSION_SCHEMA = Symbol('SESSION_SCHEMA');

/**
 * Feeds the process's SessionRevocations from the service's own table: identity's
 * `directory.sessions-revoked` events are written there through the inbox (exactly once, like any
 * other effect), and every instance of the service reads the table at start, on each NOTIFY and
 * on a short poll. A revocation reaches the guard of every instance within about a second, and a
 * restarted process knows every revocation whose tokens could still be alive. The same table's
 * neighbour records the stream tickets the service took, so each works once across instances.
 */
@Injectable()
export class SessionRevocationFeed implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  static pollMs = 5000;
  private readonly loop: ListeningLoop;
  private watermark = new Date(0);

  constructor(
    @Inject(SESSION_SCHEMA) private readonly schema: string,
    private readonly tx: TransactionContext,
    private readonly consumers: EventConsumers,
    private readonly revocations: SessionRevocations,
    streamTickets: StreamTickets,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    streamTickets.offer(schema, { redeem: (id, expiresAt) => this.redeem(id, expiresAt) });
    this.loop = new ListeningLoop({
      connectionString: databaseUrl,
      channels: [sessionRevocationChannel(schema)],
      pollMs: SessionRevocationFeed.pollMs,
      turn: async () => {
        await this.load();
        return 'idle';
      },
      onError: (e) => this.logger.warn({ error: e.message }, 'loading ended sessions failed; retrying'),
    });
  }

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'sessions',
      topics: [Topics.Directory],
      handle: async (event) => {
        if (event.type !== DirectoryEvents.sessionsRevoked) return;
        const p = event.payload;
        await this.record(p.userId, p.sessionId, new Date(p.revokedAt), p.reason);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    // Before the first request: a restarted process must not accept a token ended while it was down.
    await this.load();
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Runs in the inbox transaction; the NOTIFY reaches every instance once it commits. */
  private async record(userId: string, sessionId: string | null, at: Date, reason: string): Promise<void> {
    const m = this.tx.writer;
    await m.query(
      `INSERT INTO "${this.schema}".session_revocations (user_id, session_id, revoked_at, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, session_id) DO UPDATE SET revoked_at = GREATEST(EXCLUDED.revoked_at, "${this.schema}".session_revocations.revoked_at),
         reason = EXCLUDED.reason, recorded_at = clock_timestamp()`,
      [userId, sessionId ?? '', at, reason],
    );
    await m.query('SELECT pg_notify($1, $2)', [sessionRevocationChannel(this.schema), '']);
    this.revocations.apply({ userId, sessionId, revokedAt: at.getTime() });
  }

  /** The primary key decides: the first instance to insert the ticket's id takes it. */
  private async redeem(ticketId: string, expiresAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO "${this.schema}".stream_ticket_redemptions (ticket_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING ticket_id`,
      [ticketId, expiresAt],
    );
    return rows.length === 1;
  }

  private async load(): Promise<void> {
    // Rows are read again a little before the last one seen: a transaction that began earlier may
    // commit after a later one, with an earlier recorded_at.
    const since = new Date(Math.max(this.watermark.getTime() - SETTLE_MS, Date.now() - KEEP_MS));
    const rows: { user_id: string; session_id: string; revoked_at: Date; recorded_at: Date }[] =
      await this.tx.manager.query(
        `SELECT user_id, session_id, revoked_at, recorded_at FROM "${this.schema}".session_revocations
          WHERE recorded_at >= $1 AND revoked_at >= $2`,
        [since, new Date(Date.now() - KEEP_MS)],
      );
    for (const r of rows) {
      this.revocations.apply({
        userId: r.user_id,
        sessionId: r.session_id || null,
        revokedAt: r.revoked_at.getTime(),
      });
      if (r.recorded_at > this.watermark) this.watermark = r.recorded_at;
    }
    this.revocations.prune(Date.now() - KEEP_MS);
    // An expired ticket is refused by its signature already: its row has done its work.
    await this.tx.manager.query(
      `DELETE FROM "${this.schema}".stream_ticket_redemptions WHERE expires_at < now() - interval '1 minute'`,
    );
  }
}

/** Add to a service module's providers: its guard then refuses tokens of ended sessions. */
export const sessionRevocationProviders = (schema: string) => [
  { provide: SESSION_SCHEMA, useValue: schema },
  SessionRevocationFeed,
];
