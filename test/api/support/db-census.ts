import { Client } from 'pg';

/**
 * What "nothing written" means, measured: the row count of every table of every service schema and
 * the sum of its `version` column (versions only grow, so any bump moves the sum).
 *
 * Left out, because they legitimately grow on a refused request:
 * - identity.login_failure: the lockout's record of failed logins. A well-formed login with a wrong
 *   password is recorded there on purpose (that is the lockout at work), and some hostile bodies
 *   are well-formed logins with a wrong password.
 * - identity.login_attempt: the per-address login limit (LOGIN_RATE_LIMIT), shared by every
 *   instance. It counts every attempt before the body is looked at (a flood of garbage must be
 *   limited too), so a hostile login adds its address's row or counts in it.
 * The inboxes and outboxes are counted: a request that wrote nothing leaves them alone, and the
 * suite lets the relays drain (`settle`) before it measures again after anything was written.
 */
export const NOT_COUNTED = ['identity.login_failure', 'identity.login_attempt'];

/** Where the census keeps its write counter (see DbCensus.init): not a service's schema. */
const COUNTER_SCHEMA = 'db_census';
const COUNTER = `${COUNTER_SCHEMA}.writes`;

/** Every service's schema (a suite of one service passes its own). */
export const SERVICE_SCHEMAS = [
  'identity',
  'ticket',
  'dispatch',
  'sla',
  'ledger',
  'notify',
  'outreach',
  'meeting',
];

export type Census = Map<string, { rows: number; versions: number }>;

export class DbCensus {
  private sql = '';
  private outboxSql = '';
  /** The write counter (see init) when each census was taken. */
  private readonly counters = new WeakMap<Census, string>();

  constructor(
    private readonly pg: Client,
    private readonly schemas: string[] = SERVICE_SCHEMAS,
  ) {}

  /** Reads the tables from information_schema once, so a table added by a migration is counted too. */
  async init(): Promise<string[]> {
    const { rows } = await this.pg.query<{ schema: string; name: string; has_version: boolean }>(
      `SELECT t.table_schema AS schema, t.table_name AS name,
              EXISTS (SELECT 1 FROM information_schema.columns c
                       WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                         AND c.column_name = 'version') AS has_version
         FROM information_schema.tables t
        WHERE t.table_type = 'BASE TABLE' AND t.table_schema = ANY($1)
        ORDER BY 1, 2`,
      [this.schemas],
    );
    const tables = rows.filter((r) => !NOT_COUNTED.includes(`${r.schema}.${r.name}`));
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    this.sql = tables
      .map(
        (t) =>
          `SELECT '${t.schema}.${t.name}' AS t, count(*)::bigint AS n, ` +
          `${t.has_version ? 'coalesce(sum(version), 0)' : '0'}::bigint AS v FROM ${q(t.schema)}.${q(t.name)}`,
      )
      .join(' UNION ALL ');
    this.outboxSql = tables
      .filter((t) => t.name === 'outbox')
      .map((t) => `SELECT count(*)::int AS n FROM ${q(t.schema)}.outbox WHERE published_at IS NULL`)
      .join(' UNION ALL ');
    // Every statement that writes a counted table moves a counter (a sequence: not transactional,
    // seen at once by every connection), so a census can be reused while the counter stands still
    // instead of counting every table after every request. Installed in the test's own database.
    await this.pg.query(`CREATE SCHEMA IF NOT EXISTS ${COUNTER_SCHEMA};
      CREATE SEQUENCE IF NOT EXISTS ${COUNTER};
      CREATE OR REPLACE FUNCTION ${COUNTER_SCHEMA}.count_write() RETURNS trigger LANGUAGE plpgsql
        AS $$ BEGIN PERFORM nextval('${COUNTER}'); RETURN NULL; END $$`);
    for (const t of tables)
      await this.pg.query(
        `CREATE OR REPLACE TRIGGER census_count_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${q(t.schema)}.${q(t.name)}
           FOR EACH STATEMENT EXECUTE FUNCTION ${COUNTER_SCHEMA}.count_write()`,
      );
    return tables.map((t) => `${t.schema}.${t.name}`);
  }

  async take(): Promise<Census> {
    // The counter first: whatever the counts see was written by then or after.
    const counter = await this.counter();
    // Prepared (planned once): the statement unions a count of every table.
    const { rows } = await this.pg.query<{ t: string; n: string; v: string }>({
      name: 'census',
      text: this.sql,
    });
    const census: Census = new Map(rows.map((r) => [r.t, { rows: Number(r.n), versions: Number(r.v) }]));
    this.counters.set(census, counter);
    return census;
  }

  /**
   * True when no statement has written a counted table since `census` was taken, so that it still
   * holds: one read of a counter instead of a count of every table. A statement that wrote nothing
   * in the end (an upsert that did nothing, a rolled-back transaction) moves the counter too; then
   * the census is only taken again. A write counts from its statement's end, so what a background
   * transaction wrote before a census and committed after it is seen at the next write, as a census
   * taken after every request would have seen it after some request. False for a census this
   * instance did not take.
   */
  async unchangedSince(census: Census): Promise<boolean> {
    const at = this.counters.get(census);
    return at !== undefined && at === (await this.counter());
  }

  private async counter(): Promise<string> {
    const { rows } = await this.pg.query<{ n: string }>({
      name: 'census-counter',
      text: `SELECT last_value::text || ':' || is_called::text AS n FROM ${COUNTER}`,
    });
    return rows[0].n;
  }

  /** Events not yet applied by every consumer. */
  async unpublished(): Promise<number> {
    const { rows } = await this.pg.query<{ n: number }>(this.outboxSql);
    return rows.reduce((a, r) => a + r.n, 0);
  }

  /**
   * Waits until every outbox is drained and two censuses in a row agree, so the effects of an
   * earlier write (events consumed by other services) are not blamed on the next request.
   */
  async settle(maxWaitMs = 60_000): Promise<Census> {
    const until = Date.now() + maxWaitMs;
    let last = await this.take();
    for (;;) {
      await new Promise((r) => setTimeout(r, 150));
      const now = await this.take();
      if ((await this.unpublished()) === 0 && same(last, now)) return now;
      if (Date.now() > until) return now;
      last = now;
    }
  }
}

export function same(a: Census, b: Census): boolean {
  return changed(a, b).length === 0;
}

/** The tables whose rows or versions differ, e.g. `identity.audit_entry +1 rows`. */
export function changed(before: Census, after: Census): string[] {
  const out: string[] = [];
  for (const [t, b] of after) {
    const a = before.get(t) ?? { rows: 0, versions: 0 };
    if (a.rows !== b.rows) out.push(`${t} ${b.rows - a.rows > 0 ? '+' : ''}${b.rows - a.rows} rows`);
    else if (a.versions !== b.versions) out.push(`${t} versions +${b.versions - a.versions}`);
  }
  return out;
}
