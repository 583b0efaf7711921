import { Injectable } from '@nestjs/common';
import { SlaTimerKind } from '@ticketing/contracts';
import { statementBehind, TransactionContext } from '@ticketing/database';
import { TicketDeadlines } from '../domain/ticket-deadlines';

const COLUMN: Partial<Record<SlaTimerKind, string>> = {
  triage: 'triage_due_at',
  respond: 'respond_due_at',
  resolve: 'resolve_due_at',
  reply: 'reply_due_at',
  feedback: 'feedback_due_at',
  callback: 'callback_due_at',
};

/**
 * Only a ticket this service holds gets a row: a clock's event for another is ignored. Checked in
 * the same statement as the write (one round trip, where a read before each write took two).
 */
const KNOWN = 'WHERE EXISTS (SELECT 1 FROM ticket.tickets WHERE id = $1::uuid)';

/**
 * `ticket.ticket_deadlines`: one row per ticket, a column per clock the queue shows, and the flags.
 * Its writes are read back by no code of the transaction, so they are sent behind and leave with the
 * next statement or the COMMIT (ADR 0023); the reads here, run after them, see them.
 */
@Injectable()
export class TypeormTicketDeadlines extends TicketDeadlines {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async resolveDueAt(ticketId: string): Promise<Date | null> {
    const [row]: { resolve_due_at: Date | null }[] = await this.tx.manager.query(
      'SELECT resolve_due_at FROM ticket.ticket_deadlines WHERE ticket_id = $1',
      [ticketId],
    );
    return row?.resolve_due_at ?? null;
  }

  async feedbackLapsedAt(ticketId: string): Promise<Date | null> {
    const [row]: { feedback_lapsed_at: Date | null }[] = await this.tx.manager.query(
      'SELECT feedback_lapsed_at FROM ticket.ticket_deadlines WHERE ticket_id = $1',
      [ticketId],
    );
    return row?.feedback_lapsed_at ?? null;
  }

  async deadlineSet(ticketId: string, kind: SlaTimerKind, dueAt: string): Promise<void> {
    const column = COLUMN[kind];
    if (!column) return;
    // A moved deadline (extension, recompute, resume) starts that clock's flag afresh and ends its pause;
    // a new feedback window (a new resolution) ends the wait for a callback of the previous one.
    await statementBehind(
      this.tx.writer,
      `INSERT INTO ticket.ticket_deadlines (ticket_id, ${column}, flags, updated_at)
       SELECT $1::uuid, $2::timestamptz, '{}', now() ${KNOWN}
       ON CONFLICT (ticket_id) DO UPDATE SET ${column} = EXCLUDED.${column}, flags = ticket.ticket_deadlines.flags - $3,
         paused = ticket.ticket_deadlines.paused - $3,
         feedback_lapsed_at = CASE WHEN $3 = 'feedback' THEN NULL ELSE ticket.ticket_deadlines.feedback_lapsed_at END,
         updated_at = now()`,
      [ticketId, dueAt, kind],
    );
  }

  async flag(ticketId: string, kind: SlaTimerKind, level: 'yellow' | 'red', at: Date): Promise<void> {
    const lapsed = kind === 'feedback' && level === 'red' ? at : null;
    await statementBehind(
      this.tx.writer,
      `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, feedback_lapsed_at, updated_at)
       SELECT $1::uuid, jsonb_build_object($2::text, $3::text), $4::timestamptz, now() ${KNOWN}
       ON CONFLICT (ticket_id) DO UPDATE SET
         flags = CASE WHEN ticket.ticket_deadlines.flags ->> $2 = 'red' THEN ticket.ticket_deadlines.flags
                      ELSE ticket.ticket_deadlines.flags || jsonb_build_object($2::text, $3::text) END,
         feedback_lapsed_at = COALESCE($4, ticket.ticket_deadlines.feedback_lapsed_at),
         updated_at = now()`,
      [ticketId, kind, level, lapsed],
    );
  }

  async paused(ticketId: string, kind: SlaTimerKind, reason: string): Promise<void> {
    await statementBehind(
      this.tx.writer,
      `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, paused, updated_at)
       SELECT $1::uuid, '{}', jsonb_build_object($2::text, $3::text), now() ${KNOWN}
       ON CONFLICT (ticket_id) DO UPDATE SET paused = ticket.ticket_deadlines.paused || jsonb_build_object($2::text, $3::text), updated_at = now()`,
      [ticketId, kind, reason],
    );
  }

  async stopped(ticketId: string, kind: SlaTimerKind): Promise<void> {
    const column = COLUMN[kind];
    await statementBehind(
      this.tx.writer,
      `UPDATE ticket.ticket_deadlines SET flags = flags - $2, paused = paused - $2${column ? `, ${column} = NULL` : ''}, updated_at = now() WHERE ticket_id = $1`,
      [ticketId, kind],
    );
  }
}
