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

/** Sends what `db` holds back (writeWithNext) by itself: the unit of work is about to commit. */
export async function sendHeldWrites(db: Queryable): Promise<void> {
  if (held.has(db)) await writeTogether(db, []);
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
  statements.forEach(refuseUnlessPlain);
  const riding = held.get(db) ?? [];
  held.delete(db);
  const all = [...statements, ...riding.map((w) => w.statement)];
  if (!all.length && !notify.length) return [];
  const params: unknown[] = [];
  const parts = all.map(([sql, own], i) => {
    const offset = params.length;
    params.push(...own);
    return `w${i} AS (${sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`)} RETURNING 1)`;
  });
  const counts = all.map((_, i) => `(SELECT count(*) FROM w${i})::int AS n${i}`);
  const notifications = notify.map((n) => {
    const { channel, payload } = typeof n === 'string' ? { channel: n, payload: '' } : n;
    params.push(channel, payload);
    return `pg_notify($${params.length - 1}, $${params.length})`;
  });
  const sql = `${parts.length ? `WITH ${parts.join(', ')} ` : ''}SELECT ${[...counts, ...notifications].join(', ')}`;
  const [row]: Record<string, number>[] = await db.query(sql, params);
  riding.forEach((w, i) => {
    const changed = row[`n${statements.length + i}`];
    if (w.rows !== undefined && changed !== w.rows)
      throw new Error(
        `a held-back write changed ${changed} rows, not ${w.rows}: ${w.statement[0].slice(0, 80)}`,
      );
  });
  return statements.map((_, i) => row[`n${i}`]);
}
