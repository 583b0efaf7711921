import { Injectable } from '@nestjs/common';
import { DecisionOutcome } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import {
  Decision,
  DecisionClock,
  DecisionProps,
  DecisionReport,
  DecisionStatus,
} from '../domain/decision.aggregate';
import { DecisionRepository, FollowUpDecision } from '../domain/decision.repository';

export interface DecisionRow {
  id: string;
  meeting_id: string;
  item_id: string;
  ticket_id: string | null;
  need_id: string | null;
  enterprise_id: string | null;
  title: string;
  task: string;
  lead_department_id: string;
  co_handler_department_ids: string[];
  due_working_days: number;
  cooperation: boolean;
  decided_at: Date;
  status: string;
  reports: DecisionReport[];
  outcome: string | null;
  close_note: string | null;
  closed_at: Date | null;
  reported_at_meeting_id: string | null;
  due_at: Date | null;
  flag: 'yellow' | 'red' | null;
  escalation: string | null;
  version: number;
}

export const toDecisionProps = (r: DecisionRow): DecisionProps => ({
  id: r.id,
  meetingId: r.meeting_id,
  itemId: r.item_id,
  ticketId: r.ticket_id,
  needId: r.need_id,
  enterpriseId: r.enterprise_id,
  title: r.title,
  task: r.task,
  leadDepartmentId: r.lead_department_id,
  coHandlerDepartmentIds: r.co_handler_department_ids,
  dueWorkingDays: r.due_working_days,
  cooperation: r.cooperation,
  decidedAt: new Date(r.decided_at),
  status: r.status as DecisionStatus,
  reports: r.reports,
  outcome: r.outcome as DecisionOutcome | null,
  closeNote: r.close_note,
  closedAt: r.closed_at ? new Date(r.closed_at) : null,
  reportedAtMeetingId: r.reported_at_meeting_id,
  clock: { dueAt: r.due_at ? new Date(r.due_at) : null, flag: r.flag, escalation: r.escalation },
  version: r.version,
});

/** `meeting.decisions`, with the history and events of each decision through the change log. */
@Injectable()
export class TypeormDecisionRepository extends DecisionRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockById(id: string): Promise<Decision | null> {
    const [row]: DecisionRow[] = await this.tx.writer.query(
      `SELECT * FROM meeting.decisions WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? Decision.rehydrate(toDecisionProps(row)) : null;
  }

  async add(decision: Decision): Promise<void> {
    const s = decision.snapshot();
    await this.tx.writer.query(
      `INSERT INTO meeting.decisions (id, meeting_id, item_id, ticket_id, need_id, enterprise_id, title, task,
         lead_department_id, co_handler_department_ids, due_working_days, cooperation, decided_at, status, reports, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16)`,
      [
        s.id,
        s.meetingId,
        s.itemId,
        s.ticketId,
        s.needId,
        s.enterpriseId,
        s.title,
        s.task,
        s.leadDepartmentId,
        s.coHandlerDepartmentIds,
        s.dueWorkingDays,
        s.cooperation,
        s.decidedAt,
        s.status,
        JSON.stringify(s.reports),
        s.version,
      ],
    );
    await this.log.append('decision', s.id, decision.pullChanges());
  }

  async save(decision: Decision): Promise<void> {
    const changes = decision.pullChanges();
    if (!changes.length) return;
    const s = decision.snapshot();
    await this.tx.writer.query(
      `UPDATE meeting.decisions SET status = $2, reports = $3::jsonb, outcome = $4, close_note = $5, closed_at = $6,
         reported_at_meeting_id = $7, version = $8
        WHERE id = $1`,
      [
        s.id,
        s.status,
        JSON.stringify(s.reports),
        s.outcome,
        s.closeNote,
        s.closedAt,
        s.reportedAtMeetingId,
        s.version,
      ],
    );
    await this.log.append('decision', s.id, changes);
  }

  async awaitingFollowUp(): Promise<FollowUpDecision[]> {
    const rows = await this.tx.manager.query(
      `SELECT d.id, d.title, d.ticket_id, t.number AS ticket_number, d.need_id, d.enterprise_id,
              d.lead_department_id, d.co_handler_department_ids
         FROM meeting.decisions d
         LEFT JOIN meeting.ticket_copies t ON t.ticket_id = d.ticket_id
        WHERE d.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM meeting.agenda_items ai JOIN meeting.meetings m ON m.id = ai.meeting_id
                           WHERE ai.decision_id = d.id AND m.status = 'scheduled')
        ORDER BY d.decided_at, d.id`,
    );
    return rows.map(
      (r: {
        id: string;
        title: string;
        ticket_id: string | null;
        ticket_number: string | null;
        need_id: string | null;
        enterprise_id: string | null;
        lead_department_id: string;
        co_handler_department_ids: string[];
      }) => ({
        decisionId: r.id,
        title: r.title,
        ticketId: r.ticket_id,
        ticketNumber: r.ticket_number,
        needId: r.need_id,
        enterpriseId: r.enterprise_id,
        departmentIds: [r.lead_department_id, ...r.co_handler_department_ids],
      }),
    );
  }

  async recordClock(decisionId: string, clock: Partial<DecisionClock>): Promise<boolean> {
    // A yellow after a red (a late warning) leaves the red; the deadline and the ladder's step follow the engine.
    const rows = await this.tx.writer.query(
      `UPDATE meeting.decisions SET
         due_at = CASE WHEN $2::boolean THEN $3::timestamptz ELSE due_at END,
         flag = CASE WHEN $4::text IS NULL OR flag = 'red' THEN flag ELSE $4::text END,
         escalation = COALESCE($5::text, escalation)
        WHERE id = $1 RETURNING id`,
      [
        decisionId,
        clock.dueAt !== undefined,
        clock.dueAt ?? null,
        clock.flag ?? null,
        clock.escalation ?? null,
      ],
    );
    return (rows as unknown[]).length > 0;
  }
}
