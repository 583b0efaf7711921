import { Queryable } from './queryable';

/** A statement and its parameters, numbered from $1 ([sql, params], as `query` takes them). */
export type Statement = readonly [sql: string, params: readonly unknown[]];

/** A channel to notify when the transaction commits, with an empty payload or the one given. */
export type Notification = string | { channel: string; payload: string };

const PARAMETER = /\$(\d+)/g;

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
 * history and its events this way; what must read those rows (a search row built from them) is
 * the next statement.
 *
 * A parameter is `$n` anywhere in a statement's text: the texts must hold no `$n` in a literal.
 */
export async function writeTogether(
  db: Queryable,
  statements: readonly Statement[],
  notify: readonly Notification[] = [],
): Promise<number[]> {
  if (!statements.length && !notify.length) return [];
  const params: unknown[] = [];
  const parts = statements.map(([sql, own], i) => {
    if (/\bRETURNING\b/i.test(sql) || /^\s*WITH\b/i.test(sql))
      throw new Error(`writeTogether takes plain INSERT, UPDATE or DELETE statements: ${sql.slice(0, 80)}`);
    const offset = params.length;
    params.push(...own);
    return `w${i} AS (${sql.replace(PARAMETER, (_, n: string) => `$${Number(n) + offset}`)} RETURNING 1)`;
  });
  const counts = statements.map((_, i) => `(SELECT count(*) FROM w${i})::int AS n${i}`);
  const notifications = notify.map((n) => {
    const { channel, payload } = typeof n === 'string' ? { channel: n, payload: '' } : n;
    params.push(channel, payload);
    return `pg_notify($${params.length - 1}, $${params.length})`;
  });
  const sql = `${parts.length ? `WITH ${parts.join(', ')} ` : ''}SELECT ${[...counts, ...notifications].join(', ')}`;
  const [row]: Record<string, number>[] = await db.query(sql, params);
  return statements.map((_, i) => row[`n${i}`]);
}
