import { Queryable } from './queryable';

/**
 * How a repository reads and locks its rows by key, for lockAhead: one row or many in one statement.
 */
export interface AheadLock<R> {
  /** The rows' table: a transaction reads ahead once per table. */
  readonly table: string;
  /** Reads and locks (FOR UPDATE) the rows of these keys that exist; the keys come sorted. */
  read(keys: readonly string[]): Promise<R[]>;
  /** The key of a row `read` answered. */
  keyOf(row: R): string;
  /** Whether an announced key can be one of this table's (e.g. a uuid for a uuid column); others are not read. */
  accepts(key: string): boolean;
}

/** The keys announced on each open transaction, by its manager (the `db` of lockAhead). */
const announced = new WeakMap<object, readonly string[]>();
/** The rows read ahead and not yet taken, per transaction and table; null: the key has no row. */
const readAhead = new WeakMap<object, Map<string, Map<string, unknown>>>();

/**
 * Says which keys the unit of work on `db` is about to lock, one by one (an inbox batch: its fresh
 * events' message keys, which are ticket ids). The first lockAhead of a table in the transaction
 * then locks the rows of all of them in one statement instead of one statement per event.
 */
export function announceKeys(db: Queryable, keys: readonly string[]): void {
  announced.set(db, keys);
}

/**
 * Reads and locks the row of `key` (undefined: there is none). When the transaction announced its
 * keys (announceKeys) and `key` is one of them, the first call for the table locks the rows of
 * every announced key it accepts, in key order (so two transactions never wait on each other in a
 * cycle over them), in one statement; each later call takes its row from that read.
 *
 * A row read ahead is taken once: locking the same key again in the transaction reads it anew,
 * since it may have been written since. What this assumes: within the transaction, the table's
 * rows are written only by the repository that locks them here, after it locked them; a write of a
 * row not taken yet must call forgetAhead first (the repositories' saves do).
 */
export async function lockAhead<R>(db: Queryable, lock: AheadLock<R>, key: string): Promise<R | undefined> {
  let tables = readAhead.get(db);
  let rows = tables?.get(lock.table) as Map<string, R | null> | undefined;
  if (!rows) {
    const keys = [...new Set((announced.get(db) ?? []).filter((k) => lock.accepts(k)))].sort();
    if (keys.length > 1 && keys.includes(key)) {
      rows = new Map(keys.map((k) => [k, null]));
      for (const row of await lock.read(keys)) rows.set(lock.keyOf(row), row);
      if (!tables) readAhead.set(db, (tables = new Map()));
      tables.set(lock.table, rows);
    }
  }
  if (!rows?.has(key)) return (await lock.read([key]))[0];
  const row = rows.get(key);
  rows.delete(key);
  return row ?? undefined;
}

/** Drops the row of `key` read ahead on `db` and not taken: it is being written. */
export function forgetAhead(db: Queryable, table: string, key: string): void {
  readAhead.get(db)?.get(table)?.delete(key);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** For AheadLock.accepts on a uuid key column. */
export const isUuid = (key: string): boolean => UUID.test(key);
