import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  CLOCK_FACET_SQL,
  CLOCK_QUERY,
  CLOCK_RUNNING_SQL,
  RED_SQL,
  syncClockFacets,
  TICKET_SEARCH_CLOCK_INDEX,
  TICKET_SEARCH_FILLFACTOR,
  WITH_CLOCK_FACET_SQL,
} from '../search/infrastructure/ticket-search.indexer';

/** The deadlines' trigger of migration 1765810000000, with the clock facet by `facet`'s rule. */
const triggerFunction = (facet: string) => `
  CREATE OR REPLACE FUNCTION ticket.ticket_search_clocks() RETURNS trigger LANGUAGE plpgsql AS $$
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
         SET clock_respond_due_at = v_respond, clock_resolve_due_at = v_resolve, clock_red = v_red, doc = ${facet}
       WHERE s.id = v_ticket;
    END IF;
    RETURN NULL;
  END $$`;

/**
 * The clock facet `~k` and the clock index follow the ticket's status and red card, not its
 * deadlines (issue 17): a ticket can be overdue while its status runs the respond or resolve
 * clock, or a clock shows a red card (CAN_BE_LATE_SQL). Overdue is still checked on the row's
 * deadlines; the facet and the index only narrow the rows to check.
 *
 * Why: the deadlines are set after the assignment's save, in a transaction of their own. Under the
 * old rule that rewrote the document (the facet appeared), so the row's new version entered every
 * lexeme into both GIN indexes again. Now the deadlines' trigger writes only columns that no index
 * holds, and leaves the document as it was unless the red card changes, so PostgreSQL can keep
 * the new version in the same page without an index entry (a HOT update); the table keeps room
 * in each page for that (fillfactor).
 */
export class TicketSearchClockRule1766200000000 implements MigrationInterface {
  name = 'TicketSearchClockRule1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      triggerFunction(
        `CASE WHEN s.clock_red IS NOT DISTINCT FROM v_red THEN s.doc ELSE ${CLOCK_FACET_SQL('s.doc', 's.status', 'v_red')} END`,
      ),
    );
    await q.query(`DROP INDEX IF EXISTS ticket.ticket_search_clock_idx`);
    await syncClockFacets(q);
    await q.query(TICKET_SEARCH_CLOCK_INDEX);
    await q.query(`ALTER TABLE ticket.ticket_search SET (fillfactor = ${TICKET_SEARCH_FILLFACTOR})`);
    await q.query(`ANALYZE ticket.ticket_search`);
  }

  async down(q: QueryRunner): Promise<void> {
    const running = CLOCK_RUNNING_SQL;
    await q.query(triggerFunction(WITH_CLOCK_FACET_SQL('s.doc', running('v_respond', 'v_resolve', 'v_red'))));
    await q.query(`DROP INDEX ticket.ticket_search_clock_idx`);
    const old = running('s.clock_respond_due_at', 's.clock_resolve_due_at', 's.clock_red');
    await q.query(
      `UPDATE ticket.ticket_search s SET doc = ${WITH_CLOCK_FACET_SQL('s.doc', old)} WHERE (s.doc @@ ${CLOCK_QUERY}) IS DISTINCT FROM ${old}`,
    );
    await q.query(`CREATE INDEX ticket_search_clock_idx ON ticket.ticket_search (submitted_at DESC, id DESC)
      WHERE ${running('clock_respond_due_at', 'clock_resolve_due_at', 'clock_red')}`);
    await q.query(`ALTER TABLE ticket.ticket_search RESET (fillfactor)`);
  }
}
