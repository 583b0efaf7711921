import { Client, ClientConfig } from 'pg';

/** The text TypeORM sends to open a transaction (PostgresQueryRunner.startTransaction). */
export const TRANSACTION_START = 'START TRANSACTION';

/** What PostgreSQL answers a transaction's start with, as node-postgres gives it; TypeORM reads `rows`. */
const started = () => ({ command: 'BEGIN', rowCount: null, oid: null, rows: [], fields: [] });

interface Socket {
  cork(): void;
  uncork(): void;
  destroy(error?: Error): void;
}

/**
 * A node-postgres client that sends a transaction's `START TRANSACTION` in the same socket write as
 * the transaction's first statement, instead of waiting a round trip for PostgreSQL's answer to it
 * (ADR 0022). The connection runs in node-postgres's pipeline mode (each query still has its own
 * Sync, so an error ends only its query, as before); `START TRANSACTION` is written into the corked
 * socket and answered at once, and the next query written (or, if none comes, the next turn of the
 * event loop) sends both. PostgreSQL reads them in order: the statement runs in the transaction.
 *
 * If PostgreSQL refused the start itself, the connection is destroyed, so that nothing later on it
 * (the rest of a transaction that did not begin) runs or commits. A start is refused only when
 * the statement after it would be refused too (a transaction already failed, a lost connection).
 */
export class PipeliningClient extends Client {
  /** The socket is corked with a transaction's start in it, not yet sent. */
  private holdingStart = false;

  constructor(config?: string | ClientConfig) {
    super(
      typeof config === 'string'
        ? { connectionString: config, pipeline: true }
        : ({ ...config, pipeline: true } as ClientConfig),
    );
  }

  // node-postgres's overloads (config object, submittable, callbacks) pass through untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (config === TRANSACTION_START && values === undefined && callback === undefined && !this.holdingStart)
      return this.startTransaction();
    const result = super.query(config, values, callback);
    this.sendHeldStart();
    return result;
  }

  private startTransaction(): Promise<ReturnType<typeof started>> {
    const socket = this.socket();
    socket.cork();
    this.holdingStart = true;
    // Sent with the next query; if none comes before the loop turns, alone.
    setImmediate(() => this.sendHeldStart());
    (super.query(TRANSACTION_START) as Promise<unknown>).catch((e: Error) =>
      socket.destroy(new Error(`the transaction did not start: ${e.message}`)),
    );
    return Promise.resolve(started());
  }

  private sendHeldStart(): void {
    if (!this.holdingStart) return;
    this.holdingStart = false;
    this.socket().uncork();
  }

  private socket(): Socket {
    return (this as unknown as { connection: { stream: Socket } }).connection.stream;
  }
}
