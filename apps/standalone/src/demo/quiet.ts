import { ListeningLoop } from '@ticketing/database';
import { Client } from 'pg';

/**
 * Waits until what was done has had all its effects: every worker loop (the SLA firings among
 * them) took a whole turn since, and no service's outbox holds an event not yet published. The
 * in-process transport marks an event published only once every consumer applied it, and a
 * consumer's own events are written in the same transaction, so one snapshot with no unpublished
 * row in any schema means nothing is in flight.
 */
export class Quiet {
  /** Where the waiting went (for the seeder's progress lines). */
  readonly spent = { loopsMs: 0, outboxMs: 0, checks: 0 };

  private constructor(
    private readonly client: Client,
    private readonly backlogSql: string,
  ) {}

  static async connect(databaseUrl: string): Promise<Quiet> {
    const client = new Client({ connectionString: databaseUrl, application_name: 'demo-seeder' });
    await client.connect();
    const { rows } = await client.query<{ schema: string }>(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`,
    );
    const counts = rows.map(
      (r) => `(SELECT count(*) FROM "${r.schema.replace(/"/g, '""')}".outbox WHERE published_at IS NULL)`,
    );
    return new Quiet(client, `SELECT (${counts.join(' + ') || '0'})::int AS n`);
  }

  /** Events written and not yet applied by every consumer, across the services. */
  async backlog(): Promise<number> {
    const { rows } = await this.client.query<{ n: number }>(this.backlogSql);
    return rows[0].n;
  }

  /** Until quiet twice in a row (a loop's turn may write events, an event may wake a loop). */
  async settle(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietInARow = 0;
    while (quietInARow < 2) {
      if (Date.now() > deadline) throw new Error(`the services did not settle within ${timeoutMs} ms`);
      const t0 = Date.now();
      await ListeningLoop.settleAll();
      const t1 = Date.now();
      const backlog = await this.backlog();
      this.spent.loopsMs += t1 - t0;
      this.spent.outboxMs += Date.now() - t1;
      this.spent.checks++;
      if (backlog === 0) quietInARow++;
      else {
        quietInARow = 0;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
