import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { emptyFacts, TicketFacts } from '../domain/event-view';
import { TicketFactsRepository } from '../domain/ticket-facts.repository';

interface Row {
  id: string;
  number: string;
  title: string | null;
  enterprise_id: string | null;
  enterprise_name: string | null;
  category: string | null;
  urgency: string | null;
  grid_id: string | null;
  lead_department_id: string | null;
  co_handler_department_ids: string[];
  status: string | null;
  respond_due_at: Date | null;
  resolve_due_at: Date | null;
  contact_phone: string | null;
}

@Injectable()
export class TypeormTicketFactsRepository extends TicketFactsRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lock(ticketId: string): Promise<TicketFacts> {
    const [row]: Row[] = await this.tx.writer.query('SELECT * FROM notify.tickets WHERE id = $1 FOR UPDATE', [
      ticketId,
    ]);
    if (!row) return emptyFacts(ticketId);
    return {
      ticketId: row.id,
      number: row.number,
      title: row.title,
      enterpriseId: row.enterprise_id,
      enterpriseName: row.enterprise_name,
      category: row.category,
      urgency: row.urgency,
      gridId: row.grid_id,
      leadDepartmentId: row.lead_department_id,
      coHandlerDepartmentIds: row.co_handler_department_ids,
      status: row.status,
      respondDueAt: row.respond_due_at?.toISOString() ?? null,
      resolveDueAt: row.resolve_due_at?.toISOString() ?? null,
      contactPhone: row.contact_phone,
    };
  }

  async save(f: TicketFacts): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO notify.tickets (id, number, title, enterprise_id, enterprise_name, category, urgency, grid_id, lead_department_id,
         co_handler_department_ids, status, respond_due_at, resolve_due_at, contact_phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title, enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = EXCLUDED.enterprise_name, category = EXCLUDED.category, urgency = EXCLUDED.urgency, grid_id = EXCLUDED.grid_id,
         lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids,
         status = EXCLUDED.status, respond_due_at = EXCLUDED.respond_due_at, resolve_due_at = EXCLUDED.resolve_due_at,
         contact_phone = EXCLUDED.contact_phone, updated_at = now()`,
      [
        f.ticketId,
        f.number,
        f.title,
        f.enterpriseId,
        f.enterpriseName,
        f.category,
        f.urgency,
        f.gridId,
        f.leadDepartmentId,
        f.coHandlerDepartmentIds,
        f.status,
        f.respondDueAt,
        f.resolveDueAt,
        f.contactPhone,
      ],
    );
  }
}
