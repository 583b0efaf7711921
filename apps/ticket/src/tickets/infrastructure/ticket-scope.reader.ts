import { Injectable } from '@nestjs/common';
import { TicketScope } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';

/** Reads just what the access policy needs about a ticket, without loading the aggregate. */
@Injectable()
export class TicketScopeReader {
  constructor(private readonly tx: TransactionContext) {}

  async read(ticketId: string): Promise<(TicketScope & { id: string }) | null> {
    const rows: {
      id: string;
      enterprise_id: string;
      grid_id: string | null;
      lead_department_id: string | null;
      co: string[] | null;
    }[] = await this.tx.manager.query(
      `SELECT t.id, t.enterprise_id, t.grid_id, t.lead_department_id,
                (SELECT array_agg(p.department_id ORDER BY p.position) FROM ticket.ticket_parts p WHERE p.ticket_id = t.id) AS co
           FROM ticket.tickets t WHERE t.id = $1`,
      [ticketId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      enterpriseId: r.enterprise_id,
      gridId: r.grid_id,
      leadDepartmentId: r.lead_department_id,
      coHandlerDepartmentIds: r.co ?? [],
    };
  }

  /**
   * The duplicates merged into `mainTicketId` whose resolution carries attachment `attachmentId`
   * (the main ticket's evidence, received with its resolution).
   */
  async duplicatesCarrying(
    mainTicketId: string,
    attachmentId: string,
  ): Promise<(TicketScope & { id: string })[]> {
    const rows: {
      id: string;
      enterprise_id: string;
      grid_id: string | null;
      lead_department_id: string | null;
      co: string[] | null;
    }[] = await this.tx.manager.query(
      `SELECT t.id, t.enterprise_id, t.grid_id, t.lead_department_id,
              (SELECT array_agg(p.department_id ORDER BY p.position) FROM ticket.ticket_parts p WHERE p.ticket_id = t.id) AS co
         FROM ticket.tickets t
        WHERE t.merged_into_id = $1 AND t.resolution -> 'evidence' @> jsonb_build_array(jsonb_build_object('id', $2::text))`,
      [mainTicketId, attachmentId],
    );
    return rows.map((r) => ({
      id: r.id,
      enterpriseId: r.enterprise_id,
      gridId: r.grid_id,
      leadDepartmentId: r.lead_department_id,
      coHandlerDepartmentIds: r.co ?? [],
    }));
  }
}
