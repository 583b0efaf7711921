import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CLOCK_FACET,
  CLOCK_LEXEME,
  CLOCK_QUERY,
  CLOCK_RUNNING_SQL,
  INITIALS_SQL,
  RED_SQL,
  syncSearchClocks,
  TICKET_SEARCH_PLAN_INDEX_NAMES,
  TICKET_SEARCH_PLAN_INDEXES,
} from '../search/infrastructure/ticket-search.indexer';

/**
 * Search at a million tickets (issue 16, ADR 0015):
 *
 * - The overdue filter reads the search row alone. The row holds the respond and resolve deadlines
 *   and whether either clock shows a red card (copied from ticket.ticket_deadlines by a trigger on
 *   that table, whoever writes it), and its document holds the clock facet `~k` while either clock
 *   can make the ticket late; a partial index lists those tickets newest first. An overdue search
 *   then lets the GIN index intersect the words with the few tickets that have such a clock (or
 *   walks that index when most of them hold the words), and checks lateness on the row, instead
 *   of probing the deadlines for every ticket that holds the words.
 * - A lone Han character (水) is looked up in a GIN index of each document's initial characters
 *   (ticket.search_initials: the first character of every lexeme, and the facets), as one exact
 *   entry, instead of gathering the posting lists of every lexeme that starts with it.
 * - The planner statistics of the document (and of the initials) keep up to 10,000 common lexemes
 *   instead of 1,000, so the search's round planner (search-plan.ts) and PostgreSQL's own know
 *   the shares of more words.
 */
export class TicketSearchClocks1765810000000 implements MigrationInterface {
  name = 'TicketSearchClocks1765810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket.ticket_search
      ADD COLUMN clock_respond_due_at timestamptz,
      ADD COLUMN clock_resolve_due_at timestamptz,
      ADD COLUMN clock_red boolean NOT NULL DEFAULT false`);
    await syncSearchClocks(q);
    await q.query(`CREATE FUNCTION ${INITIALS_SQL('doc tsvector')} RETURNS tsvector
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      AS $$ SELECT array_to_tsvector(ARRAY(
              SELECT CASE WHEN l LIKE '~%' THEN l ELSE left(l, 1) END FROM unnest(tsvector_to_array(doc)) AS l)) $$`);
    // An overdue search can walk the tickets with a clock newest first (few: the open ones); a
    // lone Han character is one entry of the initials' index.
    for (const ddl of TICKET_SEARCH_PLAN_INDEXES) await q.query(ddl);
    // Written only when what search keeps changes (not for a yellow card, a pause, another clock).
    await q.query(`CREATE FUNCTION ticket.ticket_search_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_ticket uuid;
        v_respond timestamptz;
        v_resolve timestamptz;
        v_red boolean := false;
      BEGIN
        IF TG_OP = 'DELETE' THEN
          v_ticket := OLD.ticket_id;
        ELSE
          v_ticket := NEW.ticket_id;
          v_respond := NEW.respond_due_at;
          v_resolve := NEW.resolve_due_at;
          v_red := ${RED_SQL('NEW.flags')};
        END IF;
        IF EXISTS (SELECT 1 FROM ticket.ticket_search s WHERE s.id = v_ticket AND (s.clock_respond_due_at IS DISTINCT FROM v_respond
                     OR s.clock_resolve_due_at IS DISTINCT FROM v_resolve OR s.clock_red IS DISTINCT FROM v_red)) THEN
          -- The ticket's row first, as every save of the ticket takes it before its search row: the
          -- deadlines' writers (which may close a ticket in the same batch) keep one lock order.
          PERFORM 1 FROM ticket.tickets WHERE id = v_ticket FOR NO KEY UPDATE;
          UPDATE ticket.ticket_search s
             SET clock_respond_due_at = v_respond, clock_resolve_due_at = v_resolve, clock_red = v_red,
                 doc = CASE WHEN ${CLOCK_RUNNING_SQL('v_respond', 'v_resolve', 'v_red')}
                            THEN s.doc || ${CLOCK_FACET} ELSE ts_delete(s.doc, ${CLOCK_LEXEME}) END
           WHERE s.id = v_ticket;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ticket_deadlines_search_clocks
      AFTER INSERT OR UPDATE OR DELETE ON ticket.ticket_deadlines
      FOR EACH ROW EXECUTE FUNCTION ticket.ticket_search_clocks()`);
    await q.query(`ALTER TABLE ticket.ticket_search ALTER COLUMN doc SET STATISTICS 1000`);
    await q.query(`ALTER INDEX ticket.ticket_search_initials_idx ALTER COLUMN 1 SET STATISTICS 1000`);
    await q.query(`ANALYZE ticket.ticket_search`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ticket.ticket_search ALTER COLUMN doc SET STATISTICS -1`);
    await q.query(`DROP TRIGGER ticket_deadlines_search_clocks ON ticket.ticket_deadlines`);
    await q.query(`DROP FUNCTION ticket.ticket_search_clocks()`);
    for (const name of TICKET_SEARCH_PLAN_INDEX_NAMES) await q.query(`DROP INDEX ticket.${name}`);
    await q.query(`DROP FUNCTION ticket.search_initials(tsvector)`);
    await q.query(
      `UPDATE ticket.ticket_search SET doc = ts_delete(doc, ${CLOCK_LEXEME}) WHERE doc @@ ${CLOCK_QUERY}`,
    );
    await q.query(`ALTER TABLE ticket.ticket_search
      DROP COLUMN clock_respond_due_at, DROP COLUMN clock_resolve_due_at, DROP COLUMN clock_red`);
  }
}
