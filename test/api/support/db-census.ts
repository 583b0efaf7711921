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
    return tables.map((t) => `${t.schema}.${t.name}`);
  }

  async take(): Promise<Census> {
    const { rows } = await this.pg.query<{ t: string; n: string; v: string }>(this.sql);
    return new Map(rows.map((r) => [r.t, { rows: Number(r.n), versions: Number(r.v) }]));
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
