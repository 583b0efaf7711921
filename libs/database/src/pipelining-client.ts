import { Client, ClientConfig, QueryResult, QueryResultRow } from 'pg';

/** The text TypeORM sends to open a transaction (PostgresQueryRunner.startTransaction). */
export const TRANSACTION_START = 'START TRANSACTION';

/** What PostgreSQL answers a transaction's start with, as node-postgres gives it; TypeORM reads `rows`. */
const started = () => ({ command: 'BEGIN', rowCount: null, oid: null, rows: [], fields: [] });

/** The texts that end a transaction, after which no write sent behind is pending. */
const ENDS = new Set(['COMMIT', 'ROLLBACK']);

interface Socket {
  cork(): void;
  uncork(): void;
  destroy(error?: Error): void;
}

/** What a query answers in node-postgres's promise form (TypeORM's), to wrap its outcome. */
const isPromise = (x: unknown): x is Promise<unknown> => typeof (x as Promise<unknown>)?.then === 'function';

/**
 * A node-postgres client that saves round trips inside a transaction (ADR 0022, ADR 0023). The
 * connection runs in node-postgres's pipeline mode (each query still has its own Sync, so an error
 * ends only its query, as before), and two kinds of query are written into the corked socket and
 * not waited for; the next query written (or, if none comes, the next turn of the event loop)
 * sends them with it, in one write. PostgreSQL reads them in order.
 *
 * - A transaction's `START TRANSACTION` is answered at once. If PostgreSQL refused the start itself,
 *   the connection is destroyed, so that nothing later on it (the rest of a transaction that did not
 *   begin) runs or commits. A start is refused only when the statement after it would be refused
 *   too (a transaction already failed, a lost connection).
 * - A write sent behind ({@link sendBehind}) is one whose answer the transaction does not need: it
 *   checks what it must in PostgreSQL (an error aborts the transaction). Its answer is read when it
 *   comes; if it failed, the next statements fail with its error instead of PostgreSQL's "current
 *   transaction is aborted", and so does the `COMMIT`, which PostgreSQL answers with a rollback.
 *   A unit of work's last write goes out with its `COMMIT` this way.
 * - A statement sent ahead ({@link queryAhead}) is one whose answer the transaction awaits together
 *   with the next statement's (`Promise.all`): it waits in the corked socket for that statement,
 *   and both leave in one write.
 */
export class PipeliningClient extends Client {
  /** The socket is corked with a start or a write sent behind in it, not yet sent. */
  private corked = false;
  /** A write is being sent behind: it does not uncork the socket. */
  private sendingBehind = false;
  /** The transaction has sent a write behind: its statements' outcomes wait for those writes. */
  private behindInTransaction = false;
  /** The writes sent behind since the last statement was issued; settled, they tell `failure`. */
  private behind: Promise<void>[] = [];
  /** The first write sent behind in the transaction that failed, as the caller explained it. */
  private failure: Error | undefined;

  constructor(config?: string | ClientConfig) {
    super(
      typeof config === 'string'
        ? { connectionString: config, pipeline: true }
        : ({ ...config, pipeline: true } as ClientConfig),
    );
    // A connection's error reaches its users: the query in flight, the pool's or TypeORM's listener,
    // and every later query (the client is no longer queryable). Only between the pool handing a
    // new connection over and TypeORM listening on it, a promise job later, does nobody listen: a
    // FATAL that arrived with the login (PostgreSQL restarting) was then emitted unheard, which
    // ends the process (seen in the fault test). This listener is for that moment.
    this.on('error', () => undefined);
  }

  /**
   * Sends a write in the open transaction without waiting for its answer: it leaves with the next
   * statement (the transaction's `COMMIT`, when it was the last). Only inside a transaction, for a
   * write whose outcome the transaction does not read (its checks are made by PostgreSQL, so that
   * a wrong outcome is an error there). `explain` turns PostgreSQL's error into the one the caller
   * should see.
   */
  sendBehind(text: string, values: readonly unknown[], explain: (e: Error) => Error = (e) => e): void {
    this.sendingBehind = true;
    let answer: Promise<unknown>;
    try {
      answer = this.query(text, values);
    } finally {
      this.sendingBehind = false;
    }
    this.behindInTransaction = true;
    this.behind.push(
      answer.then(
        () => undefined,
        (e: Error) => {
          this.failure ??= explain(e);
        },
      ),
    );
  }

  /**
   * Sends a statement with the next one issued on this client (or, if none comes before the loop
   * turns, alone) and answers it as `query` does: for two statements of a transaction awaited
   * together, one socket write and one wait instead of two. An error in it aborts the transaction,
   * so the statement after it fails too, as it would have after an awaited one.
   */
  queryAhead<R extends QueryResultRow = QueryResultRow>(
    text: string,
    values: readonly unknown[],
  ): Promise<QueryResult<R>> {
    this.sendingBehind = true;
    let answer: Promise<QueryResult<R>>;
    try {
      answer = this.query(text, values) as Promise<QueryResult<R>>;
    } finally {
      this.sendingBehind = false;
    }
    if (!this.behindInTransaction) return answer;
    const pending = this.behind;
    this.behind = [];
    return this.afterBehind(answer, pending, undefined) as Promise<QueryResult<R>>;
  }

  // node-postgres's overloads (config object, submittable, callbacks) pass through untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    const plain = values === undefined && callback === undefined;
    if (config === TRANSACTION_START && plain && !this.corked) return this.startTransaction();
    if (this.sendingBehind) {
      this.cork();
      return super.query(config, values, callback);
    }
    const result = super.query(config, values, callback);
    this.uncork();
    if (!this.behindInTransaction || !isPromise(result)) return result;
    const end = typeof config === 'string' && plain && ENDS.has(config) ? config : undefined;
    // The writes sent before it have answered by the time it does: it waits for those only.
    const pending = this.behind;
    this.behind = [];
    if (end) this.behindInTransaction = false;
    return this.afterBehind(result, pending, end);
  }

  /**
   * A query's outcome once the writes sent behind before it have answered. A failure among them
   * (or earlier in the transaction) is the error of a statement after them (PostgreSQL refused it
   * as a statement of a failed transaction) and of the `COMMIT` (which PostgreSQL answered by
   * rolling back); a `ROLLBACK` undoes them as it was asked to. Either end forgets the failure.
   */
  private afterBehind(
    result: Promise<unknown>,
    pending: Promise<void>[],
    end: string | undefined,
  ): Promise<unknown> {
    const settle = async () => {
      await Promise.all(pending);
      const failure = this.failure;
      if (end) this.failure = undefined;
      return end === 'ROLLBACK' ? undefined : failure;
    };
    return result.then(
      async (answer) => {
        const failure = await settle();
        if (failure && end === 'COMMIT') throw failure;
        return answer;
      },
      async (e: Error) => {
        throw (await settle()) ?? e;
      },
    );
  }

  private startTransaction(): Promise<ReturnType<typeof started>> {
    const socket = this.socket();
    this.cork();
    (super.query(TRANSACTION_START) as Promise<unknown>).catch((e: Error) =>
      socket.destroy(new Error(`the transaction did not start: ${e.message}`)),
    );
    return Promise.resolve(started());
  }

  private cork(): void {
    if (this.corked) return;
    this.corked = true;
    this.socket().cork();
    // Sent with the next query; if none comes before the loop turns, alone.
    setImmediate(() => this.uncork());
  }

  private uncork(): void {
    if (!this.corked) return;
    this.corked = false;
    this.socket().uncork();
  }

  private socket(): Socket {
    return (this as unknown as { connection: { stream: Socket } }).connection.stream;
  }
}
