import { Injectable } from '@nestjs/common';
import { TicketScope } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';

/** What a template's placeholders need of a ticket, with who may see it. */
export interface TemplateTicketFacts {
  number: string;
  enterpriseName: string;
  /** The deadline in force for the answer: resolution, else reply, else response; null while none is set. */
  deadline: Date | null;
  scope: TicketScope;
}

@Injectable()
export class TemplateTicketReader {
  constructor(private readonly tx: TransactionContext) {}

  async facts(ticketId: string): Promise<TemplateTicketFacts | null> {
    const [r]: {
      number: string;
      enterprise_name: string;
      enterprise_id: string;
      grid_id: string | null;
      lead_department_id: string | null;
      co: string[] | null;
      deadline: Date | null;
    }[] = await this.tx.manager.query(
      `SELECT t.number, t.enterprise_name, t.enterprise_id, t.grid_id, t.lead_department_id,
              (SELECT array_agg(p.department_id ORDER BY p.position) FROM ticket.ticket_parts p WHERE p.ticket_id = t.id) AS co,
              COALESCE(d.resolve_due_at, d.reply_due_at, d.respond_due_at) AS deadline
         FROM ticket.tickets t LEFT JOIN ticket.ticket_deadlines d ON d.ticket_id = t.id
        WHERE t.id = $1`,
      [ticketId],
    );
    if (!r) return null;
    return {
      number: r.number,
      enterpriseName: r.enterprise_name,
      deadline: r.deadline ? new Date(r.deadline) : null,
      scope: {
        enterpriseId: r.enterprise_id,
        gridId: r.grid_id,
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co ?? [],
      },
    };
  }
}
