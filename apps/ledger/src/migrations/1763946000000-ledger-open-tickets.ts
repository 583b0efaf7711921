import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open tickets, narrow: "now" figures (overdue cards, backlog by age) scan this small table
 * instead of picking a few percent of rows out of a table of millions. A projection like the
 * others: written with the facts, rebuilt with them.
 */
export class LedgerOpenTickets1763946000000 implements MigrationInterface {
  name = 'LedgerOpenTickets1763946000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.open_tickets (
        ticket_id text PRIMARY KEY,
        department_id text NOT NULL,
        since timestamptz NOT NULL,
        unresolved boolean NOT NULL,
        alert_level text
      )`);
    await q.query(`CREATE INDEX open_tickets_department_idx ON ledger.open_tickets (department_id)`);
    // Superseded: the partial index over the facts cost every fact write and still read millions of rows' pages.
    await q.query(`DROP INDEX IF EXISTS ledger.ticket_facts_open_idx`);
    await q.query(`
      INSERT INTO ledger.open_tickets (ticket_id, department_id, since, unresolved, alert_level)
      SELECT ticket_id, department_id, coalesce(submitted_at, first_seen_at), status IS DISTINCT FROM 'resolved', alert_level
      FROM ledger.ticket_facts WHERE closed_at IS NULL AND withdrawn_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ledger.open_tickets`);
  }
}
