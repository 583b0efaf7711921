import { Injectable } from '@nestjs/common';
import { statementBehind, TransactionContext } from '@ticketing/database';
import { TicketCopies, TicketCopy, TicketFact } from '../domain/ticket-copies';
import { foldTicketFacts, Given } from '../domain/ticket-fact-fold';

/**
 * Every ticket of a fold in one statement. PostgreSQL refuses to touch a row twice in one INSERT …
 * ON CONFLICT, hence one row per ticket (the fold). The proposed row (EXCLUDED) holds only table
 * columns, so the conflict branch reads what the fact gave, and from which version, back from the
 * batch by ticket id: mirrors `copyAfter` (ticket-fact-fold.ts), which the in-memory copy runs.
 */
const APPLY_ALL = `
  WITH f AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
      $8::int[], $9::uuid[], $10::int[], $11::int[], $12::int[], $13::boolean[], $14::text[], $15::int[],
      $16::timestamptz[], $17::int[])
      AS f(ticket_id, number, enterprise_id, grid_id, lead_department_id, co_handler_department_ids, status,
        source_version, visit_id, visit_since, visit_problem_index, visit_problem_index_since, solved,
        satisfaction, outcome_since, closed_at, closed_since)
  )
  INSERT INTO outreach.ticket_copies AS stored (ticket_id, number, enterprise_id, grid_id, lead_department_id,
    co_handler_department_ids, status, visit_id, visit_problem_index, solved, satisfaction, closed_at,
    source_version, updated_at)
  SELECT f.ticket_id, f.number, f.enterprise_id, f.grid_id, f.lead_department_id,
    ARRAY(SELECT d.id FROM jsonb_array_elements_text(f.co_handler_department_ids::jsonb) WITH ORDINALITY AS d(id, n)
      ORDER BY d.n),
    f.status, f.visit_id, f.visit_problem_index, f.solved, f.satisfaction, f.closed_at, f.source_version, now()
  FROM f
  ON CONFLICT (ticket_id) DO UPDATE SET
    number = EXCLUDED.number, enterprise_id = EXCLUDED.enterprise_id, grid_id = EXCLUDED.grid_id,
    lead_department_id = EXCLUDED.lead_department_id,
    co_handler_department_ids = EXCLUDED.co_handler_department_ids, status = EXCLUDED.status,
    (visit_id, visit_problem_index, solved, satisfaction, closed_at) = (
      SELECT
        COALESCE(stored.visit_id, CASE WHEN g.visit_since > stored.source_version THEN g.visit_id END),
        COALESCE(stored.visit_problem_index,
          CASE WHEN g.visit_problem_index_since > stored.source_version THEN g.visit_problem_index END),
        CASE WHEN g.outcome_since > stored.source_version THEN g.solved ELSE stored.solved END,
        CASE WHEN g.outcome_since > stored.source_version THEN g.satisfaction ELSE stored.satisfaction END,
        CASE WHEN g.closed_since > stored.source_version THEN g.closed_at ELSE stored.closed_at END
      FROM f AS g WHERE g.ticket_id = EXCLUDED.ticket_id),
    source_version = EXCLUDED.source_version, updated_at = now()
  WHERE stored.source_version < EXCLUDED.source_version`;

const since = (g: Given<unknown> | null): number | null => g?.version ?? null;

/** `outreach.ticket_copies`: one row per ticket, newest aggregate version wins. */
@Injectable()
export class TypeormTicketCopies extends TicketCopies {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async find(ticketId: string): Promise<TicketCopy | null> {
    const [r] = await this.tx.manager.query(`SELECT * FROM outreach.ticket_copies WHERE ticket_id = $1`, [
      ticketId,
    ]);
    return r
      ? {
          ticketId: r.ticket_id,
          number: r.number,
          enterpriseId: r.enterprise_id,
          gridId: r.grid_id,
          leadDepartmentId: r.lead_department_id,
          coHandlerDepartmentIds: r.co_handler_department_ids,
          status: r.status,
          visitId: r.visit_id,
          visitProblemIndex: r.visit_problem_index,
          solved: r.solved,
          satisfaction: r.satisfaction,
          closedAt: r.closed_at,
          sourceVersion: r.source_version,
        }
      : null;
  }

  /** One statement for the whole list, whatever the number of tickets and facts. */
  async applyAll(facts: readonly TicketFact[]): Promise<void> {
    const folded = foldTicketFacts(facts);
    if (!folded.length) return;
    await statementBehind(this.tx.writer, APPLY_ALL, [
      folded.map((f) => f.ticketId),
      folded.map((f) => f.number),
      folded.map((f) => f.enterpriseId),
      folded.map((f) => f.gridId),
      folded.map((f) => f.leadDepartmentId),
      folded.map((f) => JSON.stringify(f.coHandlerDepartmentIds)),
      folded.map((f) => f.status),
      folded.map((f) => f.sourceVersion),
      folded.map((f) => f.visitId?.value ?? null),
      folded.map((f) => since(f.visitId)),
      folded.map((f) => f.visitProblemIndex?.value ?? null),
      folded.map((f) => since(f.visitProblemIndex)),
      folded.map((f) => f.outcome?.value?.solved ?? null),
      folded.map((f) => f.outcome?.value?.satisfaction ?? null),
      folded.map((f) => since(f.outcome)),
      folded.map((f) => f.closedAt?.value?.toISOString() ?? null),
      folded.map((f) => since(f.closedAt)),
    ]);
  }
}
