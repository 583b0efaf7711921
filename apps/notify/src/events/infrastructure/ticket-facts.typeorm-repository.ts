import { Injectable } from '@nestjs/common';
import { statementBehind, TransactionContext } from '@ticketing/database';
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

const toFacts = (row: Row): TicketFacts => ({
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
});

@Injectable()
export class TypeormTicketFactsRepository extends TicketFactsRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lockAll(ticketIds: readonly string[]): Promise<Map<string, TicketFacts>> {
    const ids = [...new Set(ticketIds)];
    // Locked in id order, the same in every transaction: two batches naming the same tickets wait
    // on each other instead of deadlocking.
    const rows: Row[] = ids.length
      ? await this.tx.writer.query(
          'SELECT * FROM notify.tickets WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
          [ids],
        )
      : [];
    const known = new Map(rows.map((r) => [r.id, toFacts(r)]));
    return new Map(ids.map((id) => [id, known.get(id) ?? emptyFacts(id)]));
  }

  async saveAll(facts: readonly TicketFacts[]): Promise<void> {
    // One row per ticket (an upsert may not touch a row twice), in id order like lockAll's locks.
    const rows = [...new Map(facts.map((f) => [f.ticketId, f])).values()].sort((a, b) =>
      a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0,
    );
    if (!rows.length) return;
    // One statement for every ticket of the batch. unnest flattens a text[][] into one list, so each
    // ticket's co-handlers travel as a JSON array and become its text[] again, in order.
    // Sent behind: it leaves with the next statement or the COMMIT (ADR 0023).
    await statementBehind(
      this.tx.writer,
      `INSERT INTO notify.tickets (id, number, title, enterprise_id, enterprise_name, category, urgency, grid_id, lead_department_id,
         co_handler_department_ids, status, respond_due_at, resolve_due_at, contact_phone)
       SELECT u.id, u.number, u.title, u.enterprise_id, u.enterprise_name, u.category, u.urgency, u.grid_id, u.lead_department_id,
         ARRAY(SELECT c.d FROM jsonb_array_elements_text(u.co_handlers) WITH ORDINALITY AS c(d, n) ORDER BY c.n),
         u.status, u.respond_due_at, u.resolve_due_at, u.contact_phone
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
         $10::jsonb[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::text[])
         AS u(id, number, title, enterprise_id, enterprise_name, category, urgency, grid_id, lead_department_id,
           co_handlers, status, respond_due_at, resolve_due_at, contact_phone)
       ON CONFLICT (id) DO UPDATE SET number = EXCLUDED.number, title = EXCLUDED.title, enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = EXCLUDED.enterprise_name, category = EXCLUDED.category, urgency = EXCLUDED.urgency, grid_id = EXCLUDED.grid_id,
         lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids,
         status = EXCLUDED.status, respond_due_at = EXCLUDED.respond_due_at, resolve_due_at = EXCLUDED.resolve_due_at,
         contact_phone = EXCLUDED.contact_phone, updated_at = now()`,
      [
        rows.map((f) => f.ticketId),
        rows.map((f) => f.number),
        rows.map((f) => f.title),
        rows.map((f) => f.enterpriseId),
        rows.map((f) => f.enterpriseName),
        rows.map((f) => f.category),
        rows.map((f) => f.urgency),
        rows.map((f) => f.gridId),
        rows.map((f) => f.leadDepartmentId),
        rows.map((f) => JSON.stringify(f.coHandlerDepartmentIds)),
        rows.map((f) => f.status),
        rows.map((f) => f.respondDueAt),
        rows.map((f) => f.resolveDueAt),
        rows.map((f) => f.contactPhone),
      ],
    );
  }
}
