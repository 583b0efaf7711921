import { LRUCache } from 'lru-cache';
import { QueryConfig } from 'pg';
import { PipeliningClient } from './pipelining-client';

/** Runs of one statement text in the process before it is prepared on each connection (pgjdbc's default). */
export const PREPARE_THRESHOLD = 5;
/** Prepared statements kept on one connection at most; past it, statements run unprepared. */
export const MAX_PREPARED_PER_CONNECTION = 256;

interface Seen {
  runs: number;
  name: string;
}

let nextName = 0;
/** Statement texts seen in this process: how often each ran, and its name once it is prepared. */
const seen = new LRUCache<string, Seen>({ max: 5000 });

/**
 * Put first in a read that looks rows up by key and runs on a hot path, to have it prepared too:
 * the author's word that one plan serves every run of it.
 */
export const PREPARED = '/* prepared */ ';

/**
 * Which statements may be prepared: the writes and the locking reads of the services' hot paths,
 * and the reads marked {@link PREPARED}. Other SELECTs are left to a custom plan on every run (a
 * search's best plan depends on its words), and a statement that returns `*` is left alone, since
 * a column added by a migration run by another process would change its result type under a
 * prepared plan.
 */
export function mayPrepare(text: string): boolean {
  const marked = text.startsWith(PREPARED);
  if (marked) text = text.slice(PREPARED.length);
  const head = text.trimStart().slice(0, 6).toUpperCase();
  const writes =
    head === 'INSERT' ||
    head === 'UPDATE' ||
    head === 'DELETE' ||
    (head.startsWith('WITH') && /\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\b/i.test(text));
  const locks = head === 'SELECT' && /\bFOR\s+(NO\s+KEY\s+)?UPDATE\b/i.test(text);
  if (!writes && !locks && !(marked && head === 'SELECT')) return false;
  // What the statement itself returns: a leading SELECT's list, or RETURNING (a subquery's `*` is not).
  return !/^\s*SELECT\s+(\w+\.)?\*/i.test(text) && !/\bRETURNING\s+(\w+\.)?\*/i.test(text);
}

/**
 * The name a statement text runs under on this connection, or undefined to run it unprepared: a
 * text is prepared once it ran {@link PREPARE_THRESHOLD} times in the process and while the
 * connection holds fewer than {@link MAX_PREPARED_PER_CONNECTION}.
 */
export function preparedName(text: string, parsedOnConnection: Record<string, string>): string | undefined {
  let s = seen.get(text);
  if (!s) {
    if (!mayPrepare(text)) return undefined;
    s = { runs: 0, name: `s${(nextName++).toString(36)}` };
    seen.set(text, s);
  }
  if (++s.runs < PREPARE_THRESHOLD) return undefined;
  if (parsedOnConnection[s.name] !== undefined) return s.name;
  return Object.keys(parsedOnConnection).length < MAX_PREPARED_PER_CONNECTION ? s.name : undefined;
}

/**
 * A node-postgres client that runs the services' frequent writes and locking reads as named
 * prepared statements (ADR 0018): PostgreSQL parses and plans such a statement once per connection
 * instead of on every run. Given to the pools as their `Client` (service-data-source.ts); every
 * other call goes through unchanged, to PipeliningClient (a transaction's start sent with its first
 * statement, ADR 0022).
 */
export class PreparingClient extends PipeliningClient {
  // node-postgres's overloads (config object, submittable, callbacks) pass through untouched.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (
      typeof config === 'string' &&
      Array.isArray(values) &&
      values.length &&
      typeof callback !== 'function'
    ) {
      const parsed = (this as unknown as { connection: { parsedStatements: Record<string, string> } })
        .connection.parsedStatements;
      const name = preparedName(config, parsed);
      if (name) return super.query({ name, text: config, values } as QueryConfig);
    }
    return super.query(config, values, callback);
  }
}
