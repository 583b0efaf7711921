import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { RecentTicket, RecentTickets } from '../domain/similar-tickets';

/**
 * An enterprise's open tickets of the last weeks, newest first: the partial index
 * tickets_enterprise_open_idx (enterprise_id, submitted_at DESC) WHERE status is open serves it.
 */
@Injectable()
export class TypeormRecentTickets extends RecentTickets {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async openOf(enterpriseId: string, since: Date, limit: number): Promise<RecentTicket[]> {
    const rows: {
      id: string;
      number: string;
      title: string;
      description: string;
      status: string;
      submitted_at: Date;
      enterprise_id: string;
      grid_id: string | null;
      lead_department_id: string | null;
      co: string[] | null;
    }[] = await this.tx.manager.query(
      `SELECT t.id, t.number, t.title, t.description, t.status, t.submitted_at, t.enterprise_id, t.grid_id, t.lead_department_id,
              (SELECT array_agg(p.department_id ORDER BY p.position) FROM ticket.ticket_parts p WHERE p.ticket_id = t.id) AS co
         FROM ticket.tickets t
        WHERE t.enterprise_id = $1 AND t.status NOT IN ('closed', 'withdrawn') AND t.submitted_at >= $2
        ORDER BY t.submitted_at DESC
        LIMIT $3`,
      [enterpriseId, since, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      description: r.description,
      status: r.status,
      submittedAt: new Date(r.submitted_at),
      scope: {
        enterpriseId: r.enterprise_id,
        gridId: r.grid_id,
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co ?? [],
      },
    }));
  }
}
