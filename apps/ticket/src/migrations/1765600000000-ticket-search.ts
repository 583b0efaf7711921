import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  indexAllTickets,
  TICKET_SEARCH_INDEX_NAMES,
  TICKET_SEARCH_INDEXES,
} from '../search/infrastructure/ticket-search.indexer';

/**
 * Search (issue 16, ADR 0015): the search projection, one row per ticket with its bigram
 * `tsvector` under a GIN index and the columns the filters and the visibility rule need; the
 * enterprises' credit codes (the directory events carry them; the ticket service's directory copy
 * did not keep them); an index on the clocks that can make a ticket overdue. Existing tickets are
 * indexed here, before the indexes are built.
 */
export class TicketSearch1765600000000 implements MigrationInterface {
  name = 'TicketSearch1765600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE ticket.search_enterprises (
      id text PRIMARY KEY,
      name text NOT NULL,
      credit_code text NOT NULL,
      source_occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE ticket.ticket_search (
      id uuid PRIMARY KEY,
      number text NOT NULL,
      enterprise_id text NOT NULL,
      credit_code text,
      grid_id text,
      category text NOT NULL,
      status text NOT NULL,
      channel text NOT NULL,
      lead_department_id text,
      co_handler_department_ids text[] NOT NULL DEFAULT '{}',
      submitted_at timestamptz NOT NULL,
      doc tsvector NOT NULL,
      indexed_at timestamptz NOT NULL
    )`);
    await indexAllTickets(q);
    for (const ddl of TICKET_SEARCH_INDEXES) await q.query(ddl);
    // Overdue: only running respond/resolve clocks can be late; a stopped clock's column is null.
    await q.query(`CREATE INDEX ticket_deadlines_running_idx ON ticket.ticket_deadlines (ticket_id)
      WHERE respond_due_at IS NOT NULL OR resolve_due_at IS NOT NULL OR flags ? 'respond' OR flags ? 'resolve'`);
    await q.query(`ANALYZE ticket.ticket_search`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ticket.ticket_deadlines_running_idx`);
    for (const name of TICKET_SEARCH_INDEX_NAMES) await q.query(`DROP INDEX IF EXISTS ticket.${name}`);
    await q.query(`DROP TABLE ticket.ticket_search`);
    await q.query(`DROP TABLE ticket.search_enterprises`);
  }
}
