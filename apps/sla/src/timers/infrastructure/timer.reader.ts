import { Injectable } from '@nestjs/common';
import { TicketScope } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { TimerRow } from './timer.mapper';

export interface QueueRow {
  id: string;
  ticket_id: string;
  kind: string;
  due_at: Date;
  started_at: Date;
}

/** Who may see a decision's clock, as the meeting events told us. */
export interface DecisionScope {
  meetingId: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  status: string;
}

/** Timers as the ticket page and the department queue show them. */
@Injectable()
export class TimerReader {
  constructor(private readonly tx: TransactionContext) {}

  /** Who may see the ticket, as its events told us; null when no event of it has arrived. */
  async ticketScope(ticketId: string): Promise<TicketScope | null> {
    const [t]: {
      enterprise_id: string | null;
      grid_id: string | null;
      lead_department_id: string | null;
      co_handler_department_ids: string[];
    }[] = await this.tx.manager.query(
      'SELECT enterprise_id, grid_id, lead_department_id, co_handler_department_ids FROM sla.tickets WHERE ticket_id = $1',
      [ticketId],
    );
    return t
      ? {
          enterpriseId: t.enterprise_id,
          gridId: t.grid_id,
          leadDepartmentId: t.lead_department_id,
          coHandlerDepartmentIds: t.co_handler_department_ids,
        }
      : null;
  }

  /** Every timer of the ticket, oldest first. */
  timersOf(ticketId: string): Promise<TimerRow[]> {
    return this.tx.manager.query(
      `SELECT * FROM sla.timers WHERE ticket_id = $1 AND kind <> 'decision' ORDER BY started_at, id`,
      [ticketId],
    );
  }

  /** The decision's departments; null when no event of it has arrived. */
  async decisionScope(decisionId: string): Promise<DecisionScope | null> {
    const [d]: {
      meeting_id: string;
      lead_department_id: string;
      co_handler_department_ids: string[];
      status: string;
    }[] = await this.tx.manager.query(
      'SELECT meeting_id, lead_department_id, co_handler_department_ids, status FROM sla.decisions WHERE decision_id = $1',
      [decisionId],
    );
    return d
      ? {
          meetingId: d.meeting_id,
          leadDepartmentId: d.lead_department_id,
          coHandlerDepartmentIds: d.co_handler_department_ids,
          status: d.status,
        }
      : null;
  }

  /** The decision's clocks, oldest first. */
  decisionTimersOf(decisionId: string): Promise<TimerRow[]> {
    return this.tx.manager.query(
      `SELECT * FROM sla.timers WHERE ticket_id = $1 AND kind = 'decision' ORDER BY started_at, id`,
      [decisionId],
    );
  }

  /** A department's running timers by deadline, after the keyset (due, id) when given. */
  queue(p: {
    departmentId: string;
    kind: string | null;
    after: { dueAt: Date; id: string } | null;
    limit: number;
  }): Promise<QueueRow[]> {
    return this.tx.manager.query(
      `SELECT id, ticket_id, kind, due_at, started_at FROM sla.timers
        WHERE state = 'running' AND department_id = $1 AND ($2::text IS NULL OR kind = $2)
          AND ($3::timestamptz IS NULL OR (due_at, id) > ($3::timestamptz, $4::uuid))
        ORDER BY due_at, id LIMIT $5`,
      [p.departmentId, p.kind, p.after?.dueAt ?? null, p.after?.id ?? null, p.limit],
    );
  }
}
