import { counter, histogram } from '@ticketing/observability';
import { PgListener } from '@ticketing/database';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { backoffMs, MessageTransport, OutgoingMessage } from '../transport/message-transport';
import { outboxChannel } from './outbox.sql';
import { Wakeup } from './wakeup';

export interface OutboxRelayOptions {
  schema: string;
  dataSource: DataSource;
  transport: MessageTransport;
  /** For LISTEN; a dedicated connection outside the pool. */
  connectionString: string;
  batchSize?: number;
  /** The slow poll that covers a lost NOTIFY or a dropped listener connection. */
  pollIntervalMs?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Published rows are deleted after this long; consumers have them by then. */
  retentionMs?: number;
  log?: (
    level: 'error' | 'warn' | 'info' | 'debug',
    message: string,
    extra?: Record<string, unknown>,
  ) => void;
  /** Test seam: runs after the batch is published and before it is marked published. */
  afterPublish?: (count: number) => Promise<void>;
  /**
   * Batches handed to the transport before the first of them is done (default 1). Only for a
   * transport whose `publish` resolves when the messages are applied and which applies each key's
   * messages in the order it was given them (the local transport): then a slow consumer group no
   * longer holds up the fast ones, and a key's events still arrive in order. See `runPipelined`.
   */
  pipelineDepth?: number;
}

/** A row as the relay reads it: the envelope as PostgreSQL's text of it, sent as it is (never parsed here). */
interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  envelope: string;
}

const toMessages = (rows: OutboxRow[]): OutgoingMessage[] =>
  rows.map((r) => ({
    topic: r.topic,
    key: r.key,
    value: r.envelope,
  }));

const published = counter('outbox_published_total', 'Events published by the outbox relay', ['schema']);
const failures = counter('outbox_publish_failures_total', 'Failed publish attempts of the outbox relay', [
  'schema',
]);
const batchSeconds = histogram(
  'outbox_batch_seconds',
  'Time to publish one outbox batch',
  ['schema'],
  [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
);

/**
 * Moves events from a service's outbox to the transport. One relay per schema is active at a time
 * (a transaction-scoped advisory lock), reading in `seq` order, so every key's events leave in the
 * order they were written; further relays of the same service stand by. A batch is claimed with
 * FOR UPDATE SKIP LOCKED, published, and marked in the same transaction: if the relay dies after
 * publishing, the rows stay unmarked and are published again (consumers deduplicate by event id).
 */
export class OutboxRelay {
  private readonly wakeup = new Wakeup();
  private running = false;
  private loop: Promise<void> | undefined;
  private listener: PgListener | undefined;
  private failuresInARow = 0;
  private lastCleanup = 0;
  private signalStop: () => void = () => undefined;
  private stopping = new Promise<void>((r) => (this.signalStop = r));

  constructor(private readonly o: OutboxRelayOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener = new PgListener(
      this.o.connectionString,
      [outboxChannel(this.o.schema)],
      () => this.wakeup.wake(),
      () => this.wakeup.wake(), // catch up on anything written while we were not listening
    );
    this.listener.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signalStop();
    this.wakeup.wake();
    await this.loop;
    await this.listener?.stop();
    this.listener = undefined;
  }

  /** Wakes the relay now; the local transport's writers and tests use it. */
  nudge(): void {
    this.wakeup.wake();
  }

  private log(level: 'error' | 'warn' | 'info' | 'debug', message: string, extra?: Record<string, unknown>) {
    this.o.log?.(level, message, { schema: this.o.schema, ...extra });
  }

  private async run(): Promise<void> {
    const batchSize = this.o.batchSize ?? 500;
    if ((this.o.pipelineDepth ?? 1) > 1) return this.runPipelined(batchSize, this.o.pipelineDepth ?? 1);
    while (this.running) {
      let count = 0;
      try {
        count = await this.drainOnce(batchSize);
        this.failuresInARow = 0;
        await this.cleanup();
      } catch (e) {
        await this.backOff(e as Error);
        continue;
      }
      if (count < batchSize && this.running) await this.wakeup.wait(this.o.pollIntervalMs ?? 5000);
    }
  }

  private async backOff(e: Error): Promise<void> {
    this.failuresInARow++;
    failures.inc({ schema: this.o.schema });
    const delay = backoffMs(this.failuresInARow, this.o.retryBaseMs ?? 200, this.o.retryCapMs ?? 30000);
    this.log('warn', 'outbox publish failed; retrying', {
      error: e.message,
      attempt: this.failuresInARow,
      retryInMs: delay,
    });
    // Not the wakeup: a NOTIFY must not cut a backoff short; stop() must.
    await Promise.race([new Promise((r) => setTimeout(r, delay)), this.stopping]);
  }

  /** Publishes at most one batch; returns how many events left. */
  async drainOnce(batchSize = this.o.batchSize ?? 500): Promise<number> {
    const runner = this.o.dataSource.createQueryRunner();
    await runner.connect();
    let rows: OutboxRow[] = [];
    try {
      await runner.startTransaction();
      const [{ leader }] = await runner.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS leader', [
        `outbox-relay:${this.o.schema}`,
      ]);
      if (!leader) {
        await runner.rollbackTransaction();
        return 0;
      }
      rows = await runner.query(
        `SELECT seq, topic, key, envelope::text AS envelope FROM "${this.o.schema}".outbox
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (!rows.length) {
        await runner.commitTransaction();
        return 0;
      }
      const end = batchSeconds.startTimer({ schema: this.o.schema });
      await this.o.transport.publish(toMessages(rows));
      await this.o.afterPublish?.(rows.length);
      await runner.query(
        `UPDATE "${this.o.schema}".outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
      await runner.commitTransaction();
      end();
      published.inc({ schema: this.o.schema }, rows.length);
      return rows.length;
    } catch (e) {
      await this.rollbackQuietly(runner);
      if (rows.length) await this.recordFailure(rows, e as Error);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /**
   * Up to `depth` batches in flight at once. Nothing is held open per batch: a batch is read (rows
   * already in flight left out), handed to the transport, and marked published once the transport
   * says it is applied, each in its own statement. Why this keeps the relay's promises:
   * - nothing is lost: a row is marked only after every group applied it; a crash leaves it
   *   unmarked, to be published again (consumers deduplicate by event id);
   * - per-key order: batches are handed over in `seq` order and the transport applies one key's
   *   messages in the order given, so a later batch's event for a key is never applied before an
   *   earlier batch's; after a crash the rows left unmarked hold, for any key, only events after
   *   the last one applied.
   * Leadership is a session advisory lock (the same key as the batch transactions' lock) on a
   * connection of its own, which also reads the batches: if it breaks, the relay stops leading.
   */
  private async runPipelined(batchSize: number, depth: number): Promise<void> {
    const inFlight = new Map<Promise<void>, string[]>();
    let failed: Error | undefined;
    while (this.running) {
      try {
        if (failed) throw failed;
        const leader = await this.lead();
        if (!leader) {
          await this.wakeup.wait(this.o.pollIntervalMs ?? 5000);
          continue;
        }
        if (inFlight.size >= depth) {
          await Promise.race(inFlight.keys());
          continue;
        }
        const { rows } = await leader.query<OutboxRow>(
          `SELECT seq, topic, key, envelope::text AS envelope FROM "${this.o.schema}".outbox
            WHERE published_at IS NULL AND seq <> ALL($2::bigint[]) ORDER BY seq LIMIT $1`,
          [batchSize, [...inFlight.values()].flat()],
        );
        if (rows.length) {
          const batch: Promise<void> = this.publishAndMark(rows)
            .then(
              () => void (this.failuresInARow = 0),
              (e: Error) => void (failed ??= e),
            )
            .finally(() => inFlight.delete(batch));
          inFlight.set(
            batch,
            rows.map((r) => String(r.seq)),
          );
          await this.cleanup();
        }
        if (rows.length < batchSize && this.running) await this.wakeup.wait(this.o.pollIntervalMs ?? 5000);
      } catch (e) {
        // Let what is in flight finish or fail first, so the next read sees every row as it is.
        await Promise.allSettled(inFlight.keys());
        failed = undefined;
        // Lead afresh after the backoff: the leader connection may be what failed.
        await this.resign();
        await this.backOff(e as Error);
      }
    }
    await Promise.allSettled(inFlight.keys());
    await this.resign();
  }

  private leaderClient: Client | undefined;

  /** The connection holding the relay's leadership, taken if free; undefined while another relay leads. */
  private async lead(): Promise<Client | undefined> {
    if (this.leaderClient) return this.leaderClient;
    const client = new Client({
      connectionString: this.o.connectionString,
      application_name: `relay:${this.o.schema}`,
    });
    client.on('error', (e) => {
      this.log('warn', 'outbox relay lost its leader connection', { error: e.message });
      if (this.leaderClient === client) this.leaderClient = undefined;
      client.end().catch(() => undefined);
    });
    client.on('end', () => {
      if (this.leaderClient === client) this.leaderClient = undefined;
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ leader: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS leader',
        [`outbox-relay:${this.o.schema}`],
      );
      if (rows[0].leader) {
        this.leaderClient = client;
        return client;
      }
    } catch (e) {
      await client.end().catch(() => undefined);
      throw e;
    }
    await client.end().catch(() => undefined);
    return undefined;
  }

  /** Ends the leader session; the server releases its advisory lock with it. */
  private async resign(): Promise<void> {
    const client = this.leaderClient;
    this.leaderClient = undefined;
    await client?.end().catch(() => undefined);
  }

  private async publishAndMark(rows: OutboxRow[]): Promise<void> {
    const end = batchSeconds.startTimer({ schema: this.o.schema });
    try {
      await this.o.transport.publish(toMessages(rows));
      await this.o.afterPublish?.(rows.length);
      await this.o.dataSource.query(
        `UPDATE "${this.o.schema}".outbox SET published_at = now(), attempts = attempts + 1 WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq)],
      );
    } catch (e) {
      await this.recordFailure(rows, e as Error);
      throw e;
    }
    end();
    published.inc({ schema: this.o.schema }, rows.length);
  }

  private async rollbackQuietly(runner: QueryRunner) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
  }

  private async recordFailure(rows: OutboxRow[], error: Error): Promise<void> {
    await this.o.dataSource
      .query(
        `UPDATE "${this.o.schema}".outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1::bigint[])`,
        [rows.map((r) => r.seq), error.message.slice(0, 2000)],
      )
      .catch(() => undefined);
  }

  private async cleanup(): Promise<void> {
    const now = Date.now();
    if (now - this.lastCleanup < 60_000) return;
    this.lastCleanup = now;
    const retentionSeconds = Math.round((this.o.retentionMs ?? 3_600_000) / 1000);
    await this.o.dataSource.query(
      `DELETE FROM "${this.o.schema}".outbox WHERE seq IN (
         SELECT seq FROM "${this.o.schema}".outbox
          WHERE published_at < now() - make_interval(secs => $1) LIMIT 10000)`,
      [retentionSeconds],
    );
  }
}
