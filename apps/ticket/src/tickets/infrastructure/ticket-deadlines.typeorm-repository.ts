import { Injectable } from '@nestjs/common';
import { SlaTimerKind } from '@ticketing/contracts';
import { Statement, TransactionContext, writeBehind } from '@ticketing/database';
import {
  assertOneFactPerTicket,
  SlaClockChange,
  SlaClockFact,
  TicketDeadlines,
} from '../domain/ticket-deadlines';

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
const KNOWN = 'WHERE EXISTS (SELECT 1 FROM ticket.tickets t WHERE t.id = x.id)';

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

  async record(facts: readonly SlaClockFact[]): Promise<void> {
    assertOneFactPerTicket(facts);
    // A part per change and clock, sent as one statement (writeBehind): the facts name distinct
    // tickets, so no part touches a row another touches, and their order does not matter. Rows in
    // ticket order, the order in which every writer of several tickets locks them (the search rows'
    // trigger locks the ticket's row).
    const groups = new Map<string, SlaClockFact[]>();
    for (const f of [...facts].sort((a, b) =>
      a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0,
    )) {
      if (f.change === 'set' && !COLUMN[f.kind]) continue; // nothing the queue shows
      const key = `${f.change}\u0000${f.kind}`;
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
    if (!groups.size) return;
    await writeBehind(
      this.tx.writer,
      [...groups.values()].map((g) => statementFor(g[0].change, g[0].kind, g)),
    );
  }
}

const ids = (g: SlaClockFact[]) => g.map((f) => f.ticketId);

/** The statement that records one change of one clock for these tickets (each once). */
function statementFor(change: SlaClockChange, kind: SlaTimerKind, g: SlaClockFact[]): Statement {
  const column = COLUMN[kind];
  switch (change) {
    // A moved deadline (extension, recompute, resume) starts that clock's flag afresh and ends its pause;
    // a new feedback window (a new resolution) ends the wait for a callback of the previous one.
    case 'set':
      return [
        `INSERT INTO ticket.ticket_deadlines (ticket_id, ${column}, flags, updated_at)
         SELECT x.id, x.due, '{}', now() FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, due) ${KNOWN}
         ON CONFLICT (ticket_id) DO UPDATE SET ${column} = EXCLUDED.${column}, flags = ticket.ticket_deadlines.flags - $3,
           paused = ticket.ticket_deadlines.paused - $3,
           feedback_lapsed_at = CASE WHEN $3 = 'feedback' THEN NULL ELSE ticket.ticket_deadlines.feedback_lapsed_at END,
           updated_at = now()`,
        [ids(g), g.map((f) => f.dueAt), kind],
      ];
    case 'yellow':
    case 'red':
      return [
        `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, feedback_lapsed_at, updated_at)
         SELECT x.id, jsonb_build_object($3::text, $4::text), x.lapsed, now()
           FROM unnest($1::uuid[], $2::timestamptz[]) AS x(id, lapsed) ${KNOWN}
         ON CONFLICT (ticket_id) DO UPDATE SET
           flags = CASE WHEN ticket.ticket_deadlines.flags ->> $3 = 'red' THEN ticket.ticket_deadlines.flags
                        ELSE ticket.ticket_deadlines.flags || jsonb_build_object($3::text, $4::text) END,
           feedback_lapsed_at = COALESCE(EXCLUDED.feedback_lapsed_at, ticket.ticket_deadlines.feedback_lapsed_at),
           updated_at = now()`,
        [ids(g), g.map((f) => (kind === 'feedback' && change === 'red' ? f.at : null)), kind, change],
      ];
    case 'paused':
      return [
        `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, paused, updated_at)
         SELECT x.id, '{}', jsonb_build_object($3::text, x.reason), now()
           FROM unnest($1::uuid[], $2::text[]) AS x(id, reason) ${KNOWN}
         ON CONFLICT (ticket_id) DO UPDATE SET paused = ticket.ticket_deadlines.paused || EXCLUDED.paused, updated_at = now()`,
        [ids(g), g.map((f) => f.reason ?? 'paused'), kind],
      ];
    case 'stopped':
      return [
        `UPDATE ticket.ticket_deadlines SET flags = flags - $2, paused = paused - $2${column ? `, ${column} = NULL` : ''}, updated_at = now()
          WHERE ticket_id = ANY($1::uuid[])`,
        [ids(g), kind],
      ];
  }
}
