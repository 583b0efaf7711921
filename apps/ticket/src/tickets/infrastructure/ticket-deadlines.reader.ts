import { EntityManager } from 'typeorm';

/** The resolve deadline the SLA engine last announced for a ticket, if it has announced one. */
export async function currentResolveDueAt(manager: EntityManager, ticketId: string): Promise<Date | null> {
  const [row]: { resolve_due_at: Date | null }[] = await manager.query(
    `SELECT resolve_due_at FROM ticket.ticket_deadlines WHERE ticket_id = $1`,
    [ticketId],
  );
  return row?.resolve_due_at ?? null;
}
