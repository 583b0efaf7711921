import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { TicketCopies, TicketCopy, TicketFact } from '../domain/ticket-copies';

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

  async apply(f: TicketFact): Promise<void> {
    const outcomeGiven = f.outcome !== undefined;
    await this.tx.writer.query(
      `INSERT INTO outreach.ticket_copies (ticket_id, number, enterprise_id, grid_id, lead_department_id,
         co_handler_department_ids, status, visit_id, visit_problem_index, solved, satisfaction, closed_at,
         source_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, now())
       ON CONFLICT (ticket_id) DO UPDATE SET
         number = EXCLUDED.number, enterprise_id = EXCLUDED.enterprise_id, grid_id = EXCLUDED.grid_id,
         lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids,
         status = EXCLUDED.status,
         visit_id = COALESCE(outreach.ticket_copies.visit_id, EXCLUDED.visit_id),
         visit_problem_index = COALESCE(outreach.ticket_copies.visit_problem_index, EXCLUDED.visit_problem_index),
         solved = CASE WHEN $14::boolean THEN EXCLUDED.solved ELSE outreach.ticket_copies.solved END,
         satisfaction = CASE WHEN $14::boolean THEN EXCLUDED.satisfaction ELSE outreach.ticket_copies.satisfaction END,
         closed_at = CASE WHEN $15::boolean THEN EXCLUDED.closed_at ELSE outreach.ticket_copies.closed_at END,
         source_version = EXCLUDED.source_version, updated_at = now()
       WHERE outreach.ticket_copies.source_version < EXCLUDED.source_version`,
      [
        f.ticketId,
        f.number,
        f.enterpriseId,
        f.gridId,
        f.leadDepartmentId,
        f.coHandlerDepartmentIds,
        f.status,
        f.visit?.id ?? null,
        f.visit?.problemIndex ?? null,
        f.outcome?.solved ?? null,
        f.outcome?.satisfaction ?? null,
        f.closedAt ?? null,
        f.sourceVersion,
        outcomeGiven,
        f.closedAt !== undefined,
      ],
    );
  }
}
