import { Injectable } from '@nestjs/common';
import { AgendaItemKind, AgendaSource } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { AgendaItem, Attendance, Meeting, MeetingProps, MeetingStatus } from '../domain/meeting.aggregate';
import { MeetingRepository } from '../domain/meeting.repository';

export interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  place: string;
  convenor_id: string;
  convenor_name: string;
  status: string;
  invited_department_ids: string[];
  invited_enterprise_ids: string[];
  held_at: Date | null;
  attendance: Attendance | null;
  summary: string | null;
  decision_ids: string[];
  cancel_reason: string | null;
  created_by_id: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface AgendaItemRow {
  meeting_id: string;
  item_id: string;
  position: number;
  kind: string;
  source: string;
  title: string;
  ticket_id: string | null;
  ticket_number: string | null;
  need_id: string | null;
  decision_id: string | null;
  enterprise_id: string | null;
  department_ids: string[];
  added_at: Date;
}

export const toAgendaItem = (r: AgendaItemRow): AgendaItem => ({
  itemId: r.item_id,
  kind: r.kind as AgendaItemKind,
  source: r.source as AgendaSource,
  title: r.title,
  ticketId: r.ticket_id,
  ticketNumber: r.ticket_number,
  needId: r.need_id,
  decisionId: r.decision_id,
  enterpriseId: r.enterprise_id,
  departmentIds: r.department_ids,
  addedAt: new Date(r.added_at),
});

export const toMeetingProps = (r: MeetingRow, items: AgendaItemRow[]): MeetingProps => ({
  id: r.id,
  title: r.title,
  startsAt: new Date(r.starts_at),
  place: r.place,
  convenorId: r.convenor_id,
  convenorName: r.convenor_name,
  status: r.status as MeetingStatus,
  agenda: items.map(toAgendaItem),
  invitedDepartmentIds: r.invited_department_ids,
  invitedEnterpriseIds: r.invited_enterprise_ids,
  heldAt: r.held_at ? new Date(r.held_at) : null,
  attendance: r.attendance,
  summary: r.summary,
  decisionIds: r.decision_ids,
  cancelReason: r.cancel_reason,
  createdById: r.created_by_id,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  version: r.version,
});

/** `meeting.meetings` and `meeting.agenda_items`, with the history and events through the change log. */
@Injectable()
export class TypeormMeetingRepository extends MeetingRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockById(id: string): Promise<Meeting | null> {
    const [row]: MeetingRow[] = await this.tx.writer.query(
      `SELECT * FROM meeting.meetings WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) return null;
    const items: AgendaItemRow[] = await this.tx.writer.query(
      `SELECT * FROM meeting.agenda_items WHERE meeting_id = $1 ORDER BY position`,
      [id],
    );
    return Meeting.rehydrate(toMeetingProps(row, items));
  }

  async add(meeting: Meeting): Promise<void> {
    const s = meeting.snapshot();
    await this.tx.writer.query(
      `INSERT INTO meeting.meetings (id, title, starts_at, place, convenor_id, convenor_name, status,
         invited_department_ids, invited_enterprise_ids, held_at, attendance, summary, decision_ids, cancel_reason,
         created_by_id, created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18)`,
      [
        s.id,
        s.title,
        s.startsAt,
        s.place,
        s.convenorId,
        s.convenorName,
        s.status,
        s.invitedDepartmentIds,
        s.invitedEnterpriseIds,
        s.heldAt,
        s.attendance ? JSON.stringify(s.attendance) : null,
        s.summary,
        s.decisionIds,
        s.cancelReason,
        s.createdById,
        s.createdAt,
        s.updatedAt,
        s.version,
      ],
    );
    await this.writeAgenda(s);
    await this.log.append('meeting', s.id, meeting.pullChanges());
  }

  async save(meeting: Meeting): Promise<void> {
    const changes = meeting.pullChanges();
    if (!changes.length) return;
    const s = meeting.snapshot();
    await this.tx.writer.query(
      `UPDATE meeting.meetings SET title = $2, starts_at = $3, place = $4, convenor_id = $5, convenor_name = $6,
         status = $7, invited_department_ids = $8, invited_enterprise_ids = $9, held_at = $10, attendance = $11::jsonb,
         summary = $12, decision_ids = $13, cancel_reason = $14, updated_at = $15, version = $16
        WHERE id = $1`,
      [
        s.id,
        s.title,
        s.startsAt,
        s.place,
        s.convenorId,
        s.convenorName,
        s.status,
        s.invitedDepartmentIds,
        s.invitedEnterpriseIds,
        s.heldAt,
        s.attendance ? JSON.stringify(s.attendance) : null,
        s.summary,
        s.decisionIds,
        s.cancelReason,
        s.updatedAt,
        s.version,
      ],
    );
    if (changes.some((c) => c.eventType === 'meeting.updated')) {
      await this.tx.writer.query(`DELETE FROM meeting.agenda_items WHERE meeting_id = $1`, [s.id]);
      await this.writeAgenda(s);
    }
    await this.log.append('meeting', s.id, changes);
  }

  private async writeAgenda(s: Readonly<MeetingProps>): Promise<void> {
    if (!s.agenda.length) return;
    const values: unknown[] = [];
    const rows = s.agenda.map((i, n) => {
      values.push(
        s.id,
        i.itemId,
        n,
        i.kind,
        i.source,
        i.title,
        i.ticketId,
        i.ticketNumber,
        i.needId,
        i.decisionId,
        i.enterpriseId,
        i.departmentIds,
        i.addedAt,
      );
      const b = n * 13;
      return `(${Array.from({ length: 13 }, (_, k) => `$${b + k + 1}`).join(', ')})`;
    });
    await this.tx.writer.query(
      `INSERT INTO meeting.agenda_items (meeting_id, item_id, position, kind, source, title, ticket_id, ticket_number,
         need_id, decision_id, enterprise_id, department_ids, added_at)
       VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
