import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketScope } from '../access/ticket-access.policy';

/** Reads just what the access policy needs about a ticket, without loading the aggregate. */
@Injectable()
export class TicketScopeReader {
  async read(manager: EntityManager, ticketId: string): Promise<(TicketScope & { id: string }) | null> {
    const rows: {
      id: string;
      enterprise_id: string;
      grid_id: string | null;
      lead_department_id: string | null;
      co: string[] | null;
    }[] = await manager.query(
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
}
