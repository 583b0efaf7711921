import { Injectable } from '@nestjs/common';
import { statementBehind, TransactionContext } from '@ticketing/database';
import {
  AgendaSources,
  CandidateReason,
  FINISHED_TICKET_STATUSES,
  NeedCopy,
  NeedFact,
  TicketCopy,
  TicketFact,
} from '../domain/agenda-sources';
import { foldTicketFacts } from '../domain/ticket-copy';

/**
 * A candidate still waiting for a meeting, as SQL on alias `c` (meeting.agenda_candidates) joined
 * to `t` (meeting.ticket_copies, may be missing): its ticket is not finished, and no meeting that
 * is not cancelled took it on its agenda since it was raised.
 */
export const PENDING_CANDIDATE_SQL = `(t.status IS NULL OR t.status <> ALL('{${FINISHED_TICKET_STATUSES.join(',')}}'::text[]))
  AND NOT EXISTS (SELECT 1 FROM meeting.agenda_items ai JOIN meeting.meetings m ON m.id = ai.meeting_id
                   WHERE ai.ticket_id = c.ticket_id AND m.status <> 'cancelled' AND ai.added_at >= c.raised_at)`;

/** `meeting.ticket_copies`, `meeting.need_copies` and `meeting.agenda_candidates`. */
@Injectable()
export class TypeormAgendaSources extends AgendaSources {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findTicket(ticketId: string): Promise<TicketCopy | null> {
    const [r] = await this.tx.manager.query(`SELECT * FROM meeting.ticket_copies WHERE ticket_id = $1`, [
      ticketId,
    ]);
    return r
      ? {
          ticketId: r.ticket_id,
          number: r.number,
          title: r.title,
          enterpriseId: r.enterprise_id,
          enterpriseName: r.enterprise_name,
          leadDepartmentId: r.lead_department_id,
          coHandlerDepartmentIds: r.co_handler_department_ids,
          status: r.status,
          sourceVersion: r.source_version,
        }
      : null;
  }

  async findNeed(needId: string): Promise<NeedCopy | null> {
    const [r] = await this.tx.manager.query(`SELECT * FROM meeting.need_copies WHERE need_id = $1`, [needId]);
    return r
      ? {
          needId: r.need_id,
          enterpriseId: r.enterprise_id,
          enterpriseName: r.enterprise_name,
          title: r.title,
          kind: r.kind,
          status: r.status,
          ownerDepartmentId: r.owner_department_id,
        }
      : null;
  }

  /**
   * ONE statement for every ticket of the facts, however many facts each: folded per ticket first,
   * since an upsert may not touch a row twice. Sorted by ticket id, so concurrent writers lock rows
   * in one order. A title (enterprise name) goes in only when the fact that carried it is newer
   * than the copy held (read in the same statement), as one by one would have it; otherwise the
   * held one stays (COALESCE). Co-handlers travel as JSON arrays (unnest flattens a text[][]).
   */
  async applyTickets(facts: readonly TicketFact[]): Promise<void> {
    const rows = foldTicketFacts(facts).sort((a, b) =>
      a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0,
    );
    if (!rows.length) return;
    await statementBehind(
      this.tx.writer,
      `INSERT INTO meeting.ticket_copies (ticket_id, number, title, enterprise_id, enterprise_name, lead_department_id,
         co_handler_department_ids, status, source_version)
       SELECT u.ticket_id, u.number,
         CASE WHEN u.title_version > COALESCE(held.source_version, 0) THEN u.title END,
         u.enterprise_id,
         CASE WHEN u.enterprise_name_version > COALESCE(held.source_version, 0) THEN u.enterprise_name END,
         u.lead_department_id,
         ARRAY(SELECT c.d FROM jsonb_array_elements_text(u.co_handlers) WITH ORDINALITY AS c(d, n) ORDER BY c.n),
         u.status, u.source_version
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::text[],
         $9::jsonb[], $10::text[], $11::int[])
         AS u(ticket_id, number, title, title_version, enterprise_id, enterprise_name, enterprise_name_version,
           lead_department_id, co_handlers, status, source_version)
       LEFT JOIN meeting.ticket_copies held ON held.ticket_id = u.ticket_id
       ON CONFLICT (ticket_id) DO UPDATE SET
         number = EXCLUDED.number,
         title = COALESCE(EXCLUDED.title, meeting.ticket_copies.title),
         enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = COALESCE(EXCLUDED.enterprise_name, meeting.ticket_copies.enterprise_name),
         lead_department_id = EXCLUDED.lead_department_id,
         co_handler_department_ids = EXCLUDED.co_handler_department_ids,
         status = EXCLUDED.status, source_version = EXCLUDED.source_version
       WHERE meeting.ticket_copies.source_version < EXCLUDED.source_version`,
      [
        rows.map((f) => f.ticketId),
        rows.map((f) => f.number),
        rows.map((f) => f.title?.value ?? null),
        rows.map((f) => f.title?.sourceVersion ?? null),
        rows.map((f) => f.enterpriseId),
        rows.map((f) => f.enterpriseName?.value ?? null),
        rows.map((f) => f.enterpriseName?.sourceVersion ?? null),
        rows.map((f) => f.leadDepartmentId),
        rows.map((f) => JSON.stringify(f.coHandlerDepartmentIds)),
        rows.map((f) => f.status),
        rows.map((f) => f.sourceVersion),
      ],
    );
  }

  async applyNeed(f: NeedFact): Promise<void> {
    await statementBehind(
      this.tx.writer,
      `INSERT INTO meeting.need_copies (need_id, enterprise_id, enterprise_name, title, kind, status, owner_department_id,
         source_occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (need_id) DO UPDATE SET
         enterprise_id = EXCLUDED.enterprise_id,
         enterprise_name = COALESCE(EXCLUDED.enterprise_name, meeting.need_copies.enterprise_name),
         title = COALESCE(EXCLUDED.title, meeting.need_copies.title),
         kind = EXCLUDED.kind, status = EXCLUDED.status, owner_department_id = EXCLUDED.owner_department_id,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE meeting.need_copies.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [
        f.needId,
        f.enterpriseId,
        f.enterpriseName ?? null,
        f.title ?? null,
        f.kind,
        f.status,
        f.ownerDepartmentId,
        f.asOf,
      ],
    );
  }

  async raiseCandidate(c: {
    ticketId: string;
    reason: CandidateReason;
    at: Date;
    note: string;
  }): Promise<void> {
    await statementBehind(
      this.tx.writer,
      `INSERT INTO meeting.agenda_candidates (ticket_id, reason, raised_at, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id) DO UPDATE SET reason = EXCLUDED.reason, raised_at = EXCLUDED.raised_at, note = EXCLUDED.note
       WHERE meeting.agenda_candidates.raised_at < EXCLUDED.raised_at`,
      [c.ticketId, c.reason, c.at, c.note],
    );
  }

  async isPendingCandidate(ticketId: string): Promise<boolean> {
    const [r] = await this.tx.manager.query(
      `SELECT 1 FROM meeting.agenda_candidates c LEFT JOIN meeting.ticket_copies t ON t.ticket_id = c.ticket_id
        WHERE c.ticket_id = $1 AND ${PENDING_CANDIDATE_SQL}`,
      [ticketId],
    );
    return !!r;
  }
}
