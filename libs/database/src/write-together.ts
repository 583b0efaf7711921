import { QueryResultRow } from 'pg';
import { QueryRunner } from 'typeorm';
import { PipeliningClient } from './pipelining-client';
import { Queryable } from './queryable';

/** A statement and its parameters, numbered from $1 ([sql, params], as `query` takes them). */
export type Statement = readonly [sql: string, params: readonly unknown[]];

/** A channel to notify when the transaction commits, with an empty payload or the one given. */
export type Notification = string | { channel: string; payload: string };

const PARAMETER = /\$(\d+)/g;

/** A write held back (writeWithNext), with the row count it must change when one is required. */
interface HeldWrite {
  statement: Statement;
  rows: number | undefined;
}

/** The writes each open transaction holds back, by its manager (the `db` of writeTogether). */
const held = new WeakMap<object, HeldWrite[]>();

/**
 * Holds a plain INSERT, UPDATE or DELETE back, to be sent as a part of the next writeTogether on
 * `db` (the open transaction's manager) or, if none comes, by itself when the unit of work ends
 * (TransactionContext sends it before the commit; a failed unit of work drops it). For a write
 * nothing in the transaction reads before it commits (an idempotency key's answer recorded with
 * the change it answers): it costs no round trip of its own. With `rows`, the statement must
 * change that many rows, or the write that carries it fails.
 */
export function writeWithNext(db: Queryable, statement: Statement, rows?: number): void {
  refuseUnlessPlain(statement);
  const list = held.get(db);
  if (list) list.push({ statement, rows });
  else held.set(db, [{ statement, rows }]);
}

/** Throws for a statement writeTogether cannot hold (its own RETURNING or WITH), before anything is sent. */
function refuseUnlessPlain([sql]: Statement): void {
  if (/\bRETURNING\b/i.test(sql) || /^\s*WITH\b/i.test(sql))
    throw new Error(`writeTogether takes plain INSERT, UPDATE or DELETE statements: ${sql.slice(0, 80)}`);
}

/**
 * Sends what `db` holds back (writeWithNext) by itself: the unit of work is about to commit, so it
 * goes behind (writeBehind), in the same socket write as the COMMIT.
 */
export async function sendHeldWrites(db: Queryable): Promise<void> {
  if (held.has(db)) await writeBehind(db, []);
}

/** Forgets what `db` holds back: its unit of work failed. */
export function dropHeldWrites(db: Queryable): void {
  held.delete(db);
}

/**
 * Runs data-modifying statements (INSERT, UPDATE, DELETE; none with its own RETURNING or WITH) as
 * one, in one round trip, and answers how many rows each changed, in order (ADR 0020). Each becomes
 * a data-modifying WITH of one SELECT that counts their rows and, given `notify` channels, calls
 * pg_notify on each, with its payload or an empty one (delivered when the transaction commits).
 *
 * What PostgreSQL says of such a WITH holds: the statements run on one snapshot, so none sees
 * another's rows (write the rows of different tables, or different rows; never insert a key that
 * another deletes), and their order is not defined; foreign keys are checked when the whole
 * statement ends, so a row may reference one inserted beside it. A save writes its row, its
 * history and its events this way; what must read those rows is a statement of its own after it.
 *
 * What the transaction holds back (writeWithNext) goes with them; the counts answered are those
 * of `statements` only.
 *
 * A parameter is `$n` anywhere in a statement's text: the texts must hold no `$n` in a literal.
 */
export async function writeTogether(
  db: Queryable,
  statements: readonly Statement[],
  notify: readonly Notification[] = [],
): Promise<number[]> {
  const combined = combine(db, statements, notify, []);
  if (!combined) return [];
  const [row]: Record<string, number>[] = await db.query(combined.sql, combined.params).catch((e: Error) => {
    throw combined.explain(e);
  });
  return statements.map((_, i) => row[`n${i}`]);
}

/**
 * Runs data-modifying statements as one, like {@link writeTogether}, without waiting for the answer
 * when it can (ADR 0023): on a PipeliningClient in a transaction, the statement is sent behind and
 * leaves in the same socket write as the next statement of the transaction, or its COMMIT. The
 * answer is not needed, so the row counts are checked by PostgreSQL: `rows[i]`, when given, is the
 * number of rows `statements[i]` must change (as are those of the writes held back that go with
 * them), and any other number is an error there, which aborts the transaction; the statements after
 * it, and the COMMIT, then fail with it. Elsewhere (another client), it runs and is waited for.
 *
 * One statement with no count to check, no channel to notify and nothing held back is sent as it is:
 * it may then be any statement (a WITH, an upsert), for a write whose outcome nothing reads.
 */
export async function writeBehind(
  db: Queryable,
  statements: readonly Statement[],
  notify: readonly Notification[] = [],
  rows: readonly (number | undefined)[] = [],
): Promise<void> {
  // One statement with nothing to count, notify or carry goes as it is (any statement, a WITH too).
  if (statements.length === 1 && !notify.length && rows[0] === undefined && !held.has(db)) {
    const [sql, params] = statements[0];
    return send(db, sql, [...params], (e) => e);
  }
  const combined = combine(db, statements, notify, rows);
  if (combined) return send(db, combined.sql, combined.params, combined.explain);
}

/**
 * One statement that nothing reads back in code (a copy's upsert, a role switch), sent behind as it
 * is: writeBehind of that statement alone.
 */
export function statementBehind(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<void> {
  return writeBehind(db, [[sql, params]]);
}

/**
 * Runs a statement that the unit of work awaits together with its next one (`Promise.all` of two
 * repository calls): on a PipeliningClient in a transaction it leaves in the same socket write as
 * that next statement, so the two cost one wait. Answers its rows (an INSERT's RETURNING, a
 * SELECT's). Elsewhere it runs as it is. Only where a next statement surely follows at once: alone,
 * it waits for the event loop's next turn.
 */
export async function queryWithNext<R extends QueryResultRow>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<R[]> {
  const runner = behindRunner(db);
  if (!runner) return db.query(sql, [...params]) as Promise<R[]>;
  runner.connection.logger.logQuery(sql, [...params], runner);
  return (await runner.databaseConnection.queryAhead<R>(sql, params)).rows;
}

/** Sends a statement behind on `db`'s open transaction when its client can, or runs it and waits. */
async function send(
  db: Queryable,
  sql: string,
  params: unknown[],
  explain: (e: Error) => Error,
): Promise<void> {
  const runner = behindRunner(db);
  if (runner) {
    // Logged as TypeORM logs the statements it sends itself.
    runner.connection.logger.logQuery(sql, params, runner);
    runner.databaseConnection.sendBehind(sql, params, explain);
  } else
    await db.query(sql, params).catch((e: Error) => {
      throw explain(e);
    });
}

/** The message PostgreSQL gives when a write sent behind changed another number of rows than it must. */
const ROWS_MISSED = /write (\d+) changed (\d+) rows, not (\d+)/;

/** The query runner of `db`'s open transaction, when its client can send a write behind. */
function behindRunner(db: Queryable): (QueryRunner & { databaseConnection: PipeliningClient }) | undefined {
  const runner = (db as { queryRunner?: QueryRunner & { databaseConnection?: unknown } }).queryRunner;
  if (!runner?.isTransactionActive || runner.isReleased) return undefined;
  return runner.databaseConnection instanceof PipeliningClient
    ? (runner as QueryRunner & { databaseConnection: PipeliningClient })
    : undefined;
}

/**
 * The one statement of writeTogether and writeBehind: the statements (and what `db` holds back) as a
 * data-modifying WITH, and a SELECT of their row counts and notifications. The counts the
 * statements must change (`expected`, undefined where any will do) and those of the held writes
 * are checked in the statement: a cast of a text that is not a number fails it, with the text as
 * the message, which `explain` turns into the error the caller sees.
 */
function combine(
  db: Queryable,
  statements: readonly Statement[],
  notify: readonly Notification[],
  expected: readonly (number | undefined)[],
): { sql: string; params: unknown[]; explain: (e: Error) => Error } | undefined {
  statements.forEach(refuseUnlessPlain);
  const riding = held.get(db) ?? [];
  held.delete(db);
  const all = [...statements, ...riding.map((w) => w.statement)];
  if (!all.length && !notify.length) return undefined;
  const params: unknown[] = [];
  const parts = all.map(([sql, own], i) => {
    const offset = params.length;
    params.push(...own);
    return `w${i} AS (${sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`)} RETURNING 1)`;
  });
  const mustChange = [...statements.map((_, i) => expected[i]), ...riding.map((w) => w.rows)];
  const counts = all.map((_, i) => {
    const count = `(SELECT count(*) FROM w${i})::int`;
    const must = mustChange[i];
    if (must === undefined) return `${count} AS n${i}`;
    if (!Number.isSafeInteger(must) || must < 0)
      throw new Error(`a row count must be a whole number: ${must}`);
    // Integers of our own, not parameters: the statement's text stays one per shape.
    return `CASE ${count} WHEN ${must} THEN ${must} ELSE ('write ${i} changed ' || ${count} || ' rows, not ${must}')::int END AS n${i}`;
  });
  const notifications = notify.map((n) => {
    const { channel, payload } = typeof n === 'string' ? { channel: n, payload: '' } : n;
    params.push(channel, payload);
    return `pg_notify($${params.length - 1}, $${params.length})`;
  });
  const sql = `${parts.length ? `WITH ${parts.join(', ')} ` : ''}SELECT ${[...counts, ...notifications].join(', ')}`;
  const explain = (e: Error): Error => {
    const miss = ROWS_MISSED.exec(e.message);
    if (!miss) return e;
    const [, index, changed, must] = miss;
    return new Error(`a write changed ${changed} rows, not ${must}: ${all[Number(index)][0].slice(0, 80)}`);
  };
  return { sql, params, explain };
}
