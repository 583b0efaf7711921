import { LRUCache } from 'lru-cache';
import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { PgListener } from './pg-listener';

/**
 * Where a settings cache hears that a table changed. In PostgreSQL: a statement-level trigger on
 * each cached table NOTIFYs `<schema>_settings` with the table's name when a transaction that
 * wrote it commits (see {@link settingsChangedTriggerSql}); every process that caches the table
 * listens on that channel, so a change made anywhere (another replica, a migration, psql) reaches
 * every cache.
 */
export interface SettingsChangeFeed {
  start(handlers: SettingsChangeHandlers): void;
  stop(): Promise<void>;
}

export interface SettingsChangeHandlers {
  /** A transaction that wrote `table` committed. */
  changed(table: string): void;
  /** The feed is listening: from now on no committed change goes unheard. */
  up(): void;
  /** The feed stopped listening: changes may go unheard until `up` again. */
  down(): void;
}

/** The channel a schema's settings triggers notify on. */
export const settingsChannel = (schema: string): string => `${schema}_settings`;

/** The feed of one schema's settings triggers, over one LISTEN connection (reconnecting). */
export class PgSettingsChangeFeed implements SettingsChangeFeed {
  private listener: PgListener | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
  ) {}

  start(h: SettingsChangeHandlers): void {
    this.listener = new PgListener(
      this.connectionString,
      [settingsChannel(this.schema)],
      (_channel, table) => h.changed(table),
      () => h.up(),
      () => h.down(),
    );
    this.listener.start();
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }
}

/**
 * The trigger that feeds {@link PgSettingsChangeFeed}: once per statement that inserts, updates,
 * deletes or truncates one of `tables` (PostgreSQL folds the same notification within a
 * transaction into one, delivered at commit; a rolled-back transaction sends none).
 */
export function settingsChangedTriggerSql(schema: string, tables: readonly string[]): string[] {
  return [
    `CREATE OR REPLACE FUNCTION ${schema}.settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_notify(TG_TABLE_SCHEMA || '_settings', TG_TABLE_NAME);
       RETURN NULL;
     END $$`,
    ...tables.map(
      (t) =>
        `CREATE TRIGGER settings_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${schema}.${t}
         FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.settings_changed()`,
    ),
  ];
}

/** The reverse of {@link settingsChangedTriggerSql}, for a migration's `down`. */
export function dropSettingsChangedTriggerSql(schema: string, tables: readonly string[]): string[] {
  return [
    ...tables.map((t) => `DROP TRIGGER IF EXISTS settings_changed ON ${schema}.${t}`),
    `DROP FUNCTION IF EXISTS ${schema}.settings_changed()`,
  ];
}

export interface SettingsCacheOptions {
  /** Most entries kept (least recently used go first). Default 2,000. */
  max?: number;
  /**
   * The longest an entry lives, as a backstop for a notification lost in the moment a connection
   * breaks before the feed notices. Default 60 s.
   */
  ttlMs?: number;
}

interface Entry {
  tables: readonly string[];
  value: unknown;
}

export interface SettingsCacheStats {
  hits: number;
  misses: number;
  /** Reads that went to the database because the feed was down or the transaction wrote the table. */
  bypassed: number;
  /** Changes heard: a table's notification, or a commit of this process that wrote the table. */
  changes: number;
}

/**
 * A read-through cache of rows that change seldom and are read on every event (subscriptions,
 * policies, rules, directory names), kept true by the tables' change feed rather than by time:
 *
 * - a committed change to a table drops every entry read from it, in every process;
 * - a load that began before a change it did not see is not kept (each table has a generation,
 *   bumped by every change; a load keeps its value only if its tables' generations did not move);
 * - while the feed is down nothing is cached and every read goes to the database;
 * - a transaction that wrote a table ({@link touch}) reads that table from the database until it
 *   ends, so it sees its own writes and nothing uncommitted is ever cached; when it commits on an
 *   attached DataSource ({@link attach}), this process drops the table's entries at once, before
 *   the commit returns to the writer, so the process's next read sees the change without waiting
 *   for the notification.
 *
 * Values are kept as loaded and handed to every reader: cache plain rows (frozen by the caller if
 * it likes), never aggregates, and map them per read.
 */
export class SettingsCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly generations = new Map<string, number>();
  private readonly written = new WeakMap<object, Set<string>>();
  private readonly fresh = new WeakMap<object, Set<string>>();
  private live = false;
  private started = false;
  readonly stats: SettingsCacheStats = { hits: 0, misses: 0, bypassed: 0, changes: 0 };

  constructor(
    private readonly feed: SettingsChangeFeed,
    options: SettingsCacheOptions = {},
  ) {
    this.entries = new LRUCache<string, Entry>({ max: options.max ?? 2000, ttl: options.ttlMs ?? 60_000 });
  }

  /** Starts listening (the first read does so by itself; until the feed is up, reads go to the database). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.feed.start({
      changed: (table) => this.changed(table),
      up: () => {
        this.entries.clear();
        this.live = true;
      },
      down: () => {
        this.live = false;
        this.entries.clear();
      },
    });
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    this.live = false;
    await this.feed.stop();
    this.entries.clear();
  }

  /** Nest's shutdown hook. */
  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /**
   * The value of `key`, read from `tables` by `load` on a miss. `scope` is the reader's
   * transaction (its EntityManager), or the pool's outside one.
   */
  async read<T>(scope: object, tables: readonly string[], key: string, load: () => Promise<T>): Promise<T> {
    if (!this.started) this.start();
    const wrote = this.written.get(scope);
    const fresh = this.fresh.get(scope);
    if (
      !this.live ||
      (wrote && tables.some((t) => wrote.has(t))) ||
      (fresh && tables.some((t) => fresh.has(t)))
    ) {
      this.stats.bypassed++;
      return load();
    }
    const k = `${tables.join(',')}\u0000${key}`;
    const hit = this.entries.get(k);
    if (hit) {
      this.stats.hits++;
      return hit.value as T;
    }
    this.stats.misses++;
    const before = tables.map((t) => this.generation(t));
    const value = await load();
    if (this.live && tables.every((t, i) => this.generation(t) === before[i])) {
      this.entries.set(k, { tables, value });
    }
    return value;
  }

  /**
   * Hears the commits of `dataSource`'s transactions: one that wrote a cached table drops the
   * table's entries here at once (the trigger's notification tells every other process).
   */
  attach(dataSource: DataSource): this {
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (e) => {
        // A released savepoint is not a commit: the outer transaction goes on.
        if (e.queryRunner.isTransactionActive) return;
        const tables = this.written.get(e.manager);
        if (!tables) return;
        this.written.delete(e.manager);
        for (const t of tables) this.changed(t);
      },
      afterTransactionRollback: (e) => {
        if (!e.queryRunner.isTransactionActive) this.written.delete(e.manager);
      },
    };
    dataSource.subscribers.push(subscriber);
    return this;
  }

  /**
   * `scope` (a transaction) must read `tables` as the database has them, without writing them: e.g.
   * a job woken by another process's change, which may arrive before the cache hears of it. Its
   * reads of them skip the cache; its commit drops nothing.
   */
  readFresh(scope: object, tables: readonly string[]): void {
    const set = this.fresh.get(scope);
    if (set) for (const t of tables) set.add(t);
    else this.fresh.set(scope, new Set(tables));
  }

  /** `scope` (a transaction) wrote `table`: its reads of the table skip the cache from now on. */
  touch(scope: object, table: string): void {
    const set = this.written.get(scope);
    if (set) set.add(table);
    else this.written.set(scope, new Set([table]));
  }

  private generation(table: string): number {
    return this.generations.get(table) ?? 0;
  }

  private changed(table: string): void {
    this.stats.changes++;
    this.generations.set(table, this.generation(table) + 1);
    for (const [k, e] of this.entries.entries()) if (e.tables.includes(table)) this.entries.delete(k);
  }
}
