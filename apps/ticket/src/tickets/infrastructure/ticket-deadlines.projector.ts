import { Injectable } from '@nestjs/common';
import { SlaTimerKind } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';

const COLUMN: Partial<Record<SlaTimerKind, string>> = {
  triage: 'triage_due_at',
  respond: 'respond_due_at',
  resolve: 'resolve_due_at',
  reply: 'reply_due_at',
  feedback: 'feedback_due_at',
};

/**
 * The SLA engine's view of each ticket's clocks, kept for the queue (sorting, due soon, overdue)
 * and the yellow/red flags. It is read model only: it never bumps the ticket version, so an
 * actor's expectedVersion is not made stale by a timer.
 */
@Injectable()
export class TicketDeadlinesProjector {
  async deadlineSet(
    manager: EntityManager,
    ticketId: string,
    kind: SlaTimerKind,
    dueAt: string,
  ): Promise<void> {
    const column = COLUMN[kind];
    if (!column || !(await this.known(manager, ticketId))) return;
    // A moved deadline (extension, recompute) starts that clock's flag afresh.
    await manager.query(
      `INSERT INTO ticket.ticket_deadlines (ticket_id, ${column}, flags, updated_at) VALUES ($1, $2, '{}', now())
       ON CONFLICT (ticket_id) DO UPDATE SET ${column} = EXCLUDED.${column}, flags = ticket.ticket_deadlines.flags - $3, updated_at = now()`,
      [ticketId, dueAt, kind],
    );
  }

  async flag(
    manager: EntityManager,
    ticketId: string,
    kind: SlaTimerKind,
    level: 'yellow' | 'red',
  ): Promise<void> {
    if (!(await this.known(manager, ticketId))) return;
    // Red never goes back to yellow: a late warning after a breach must not hide the breach.
    await manager.query(
      `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, updated_at) VALUES ($1, jsonb_build_object($2::text, $3::text), now())
       ON CONFLICT (ticket_id) DO UPDATE SET
         flags = CASE WHEN ticket.ticket_deadlines.flags ->> $2 = 'red' THEN ticket.ticket_deadlines.flags
                      ELSE ticket.ticket_deadlines.flags || jsonb_build_object($2::text, $3::text) END,
         updated_at = now()`,
      [ticketId, kind, level],
    );
  }

  /** A stopped clock no longer needs watching; its flag leaves the queue (the ledger keeps the history). */
  async stopped(manager: EntityManager, ticketId: string, kind: SlaTimerKind): Promise<void> {
    const column = COLUMN[kind];
    await manager.query(
      `UPDATE ticket.ticket_deadlines SET flags = flags - $2${column ? `, ${column} = NULL` : ''}, updated_at = now() WHERE ticket_id = $1`,
      [ticketId, kind],
    );
  }

  private async known(manager: EntityManager, ticketId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM ticket.tickets WHERE id = $1`, [ticketId]);
    return rows.length > 0;
  }
}
