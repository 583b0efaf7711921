import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { MeetingAccessPolicy, MeetingScope } from '../../access/meeting-access.policy';
import { DecisionReader } from '../../decisions/infrastructure/decision.reader';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { NamesReader } from '../../shared/infrastructure/names.reader';
import { PENDING_CANDIDATE_SQL } from '../../sources/infrastructure/agenda-sources.typeorm-repository';
import {
  CandidatesResponseDto,
  MeetingPageDto,
  MeetingResponseDto,
  MeetingStatsDto,
  MeetingSummaryDto,
} from '../meeting.response.dto';
import { AgendaItemRow, MeetingRow } from './meeting.typeorm-repository';

type SummaryRow = MeetingRow & { agenda_items: number };

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** The published formulas of the counts, over the meeting events the ledger chains. */
export const MEETING_FIGURE_DEFINITIONS = {
  meetingsHeld: 'count(meeting.held) where from ≤ payload.heldAt < to + 1 day (Asia/Shanghai)',
  itemsDecided: 'count(meeting.decision-made) where from ≤ payload.decidedAt < to + 1 day',
  decisionsSolved:
    "count(meeting.decision-closed) where payload.outcome = 'solved' and from ≤ occurredAt < to + 1 day",
  cooperationsReached:
    "count(meeting.decision-closed) where payload.outcome = 'solved' and from ≤ occurredAt < to + 1 day, and whose decision's meeting.decision-made said cooperation = true",
};

/** Meetings for the read side: agenda candidates, lists and one meeting whole, in the caller's scope; the counts. */
@Injectable()
export class MeetingReader {
  constructor(
    private readonly tx: TransactionContext,
    private readonly names: NamesReader,
    private readonly decisions: DecisionReader,
  ) {}

  async candidates(): Promise<CandidatesResponseDto> {
    const tickets = await this.tx.manager.query(
      `SELECT c.ticket_id, c.reason, c.raised_at, c.note, t.number, t.title, t.enterprise_id, t.enterprise_name,
              t.lead_department_id, t.co_handler_department_ids, t.status
         FROM meeting.agenda_candidates c LEFT JOIN meeting.ticket_copies t ON t.ticket_id = c.ticket_id
        WHERE ${PENDING_CANDIDATE_SQL}
        ORDER BY c.raised_at, c.ticket_id LIMIT 500`,
    );
    const followUps = await this.tx.manager.query(
      `SELECT d.id, d.title, d.meeting_id, m.title AS meeting_title, d.lead_department_id, d.status, d.due_at, d.flag
         FROM meeting.decisions d JOIN meeting.meetings m ON m.id = d.meeting_id
        WHERE d.status <> 'closed'
          AND NOT EXISTS (SELECT 1 FROM meeting.agenda_items ai JOIN meeting.meetings mm ON mm.id = ai.meeting_id
                           WHERE ai.decision_id = d.id AND mm.status = 'scheduled')
        ORDER BY d.decided_at, d.id LIMIT 500`,
    );
    const names = await this.names.of(
      [
        ...tickets.flatMap(
          (t: { lead_department_id: string | null; co_handler_department_ids: string[] | null }) => [
            ...(t.lead_department_id ? [t.lead_department_id] : []),
            ...(t.co_handler_department_ids ?? []),
          ],
        ),
        ...followUps.map((d: { lead_department_id: string }) => d.lead_department_id),
      ],
      [],
    );
    return {
      tickets: tickets.map(
        (t: {
          ticket_id: string;
          reason: string;
          raised_at: Date;
          note: string;
          number: string | null;
          title: string | null;
          enterprise_id: string | null;
          enterprise_name: string | null;
          lead_department_id: string | null;
          co_handler_department_ids: string[] | null;
          status: string | null;
        }) => ({
          ticketId: t.ticket_id,
          number: t.number,
          title: t.title,
          enterprise: t.enterprise_id ? { id: t.enterprise_id, name: t.enterprise_name } : null,
          leadDepartment: t.lead_department_id ? names.department(t.lead_department_id) : null,
          coHandlerDepartments: (t.co_handler_department_ids ?? []).map((d) => names.department(d)),
          status: t.status,
          reason: t.reason,
          raisedAt: new Date(t.raised_at).toISOString(),
          note: t.note,
        }),
      ),
      followUps: followUps.map(
        (d: {
          id: string;
          title: string;
          meeting_id: string;
          meeting_title: string;
          lead_department_id: string;
          status: string;
          due_at: Date | null;
          flag: string | null;
        }) => ({
          decisionId: d.id,
          title: d.title,
          meeting: { id: d.meeting_id, name: d.meeting_title },
          leadDepartment: names.department(d.lead_department_id),
          status: d.status,
          dueAt: iso(d.due_at),
          flag: d.flag,
        }),
      ),
    };
  }

  async list(
    user: AuthUser,
    f: { status?: string[]; from?: Date; to?: Date; cursor?: string; limit?: number },
  ): Promise<MeetingPageDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [MeetingAccessPolicy.meetingSql(user, params)];
    if (f.status?.length) where.push(`m.status = ANY(${p(f.status)}::text[])`);
    if (f.from) where.push(`m.starts_at >= ${p(f.from)}`);
    if (f.to) where.push(`m.starts_at < ${p(f.to)}`);
    if (f.cursor) {
      const [at, id] = keysetCursor(f.cursor, ['instant', 'uuid']);
      where.push(`(m.starts_at, m.id) < (${p(at)}::timestamptz, ${p(id)}::uuid)`);
    }
    const rows: SummaryRow[] = await this.tx.manager.query(
      `SELECT m.*, (SELECT count(*)::int FROM meeting.agenda_items ai WHERE ai.meeting_id = m.id) AS agenda_items
         FROM meeting.meetings m WHERE ${where.join(' AND ')}
        ORDER BY m.starts_at DESC, m.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(summary),
      nextCursor:
        rows.length > limit && last ? encodeCursor(new Date(last.starts_at).toISOString(), last.id) : null,
    };
  }

  /** The meeting whole, or null when it does not exist or the caller may not see it. */
  async find(user: AuthUser, id: string): Promise<{ scope: MeetingScope; view: MeetingResponseDto } | null> {
    const [row]: MeetingRow[] = await this.tx.manager.query(`SELECT * FROM meeting.meetings WHERE id = $1`, [
      id,
    ]);
    if (!row) return null;
    const items: AgendaItemRow[] = await this.tx.manager.query(
      `SELECT ai.*, t.status AS ticket_status FROM meeting.agenda_items ai
         LEFT JOIN meeting.ticket_copies t ON t.ticket_id = ai.ticket_id
        WHERE ai.meeting_id = $1 ORDER BY ai.position`,
      [id],
    );
    const own: {
      id: string;
      item_id: string;
      lead_department_id: string;
      co_handler_department_ids: string[];
    }[] = await this.tx.manager.query(
      `SELECT id, item_id, lead_department_id, co_handler_department_ids FROM meeting.decisions
          WHERE meeting_id = $1 ORDER BY decided_at, id`,
      [id],
    );
    const scope: MeetingScope = {
      id,
      invitedDepartmentIds: row.invited_department_ids,
      decisionDepartmentIds: own.flatMap((d) => [d.lead_department_id, ...d.co_handler_department_ids]),
    };
    // Unknown and not yours look the same: null (a 404 for the caller).
    if (!MeetingAccessPolicy.canSeeMeeting(user, scope)) return null;
    const followUpIds = items.flatMap((i) => (i.decision_id ? [i.decision_id] : []));
    // Whoever sees the meeting sees its decisions and follow-ups as the minutes list them.
    const decisionViews = await this.decisions.byIds(user, [...own.map((d) => d.id), ...followUpIds]);
    const names = await this.names.of(
      [
        ...row.invited_department_ids,
        ...items.flatMap((i) => i.department_ids),
        ...(row.attendance?.departmentIds ?? []),
      ],
      [
        ...row.invited_enterprise_ids,
        ...items.flatMap((i) => (i.enterprise_id ? [i.enterprise_id] : [])),
        ...(row.attendance?.enterpriseIds ?? []),
      ],
    );
    const decisionOfItem = new Map(own.map((d) => [d.item_id, d.id]));
    return {
      scope,
      view: {
        ...summary({ ...row, agenda_items: items.length }),
        agenda: items.map((i) => ({
          itemId: i.item_id,
          kind: i.kind,
          source: i.source,
          title: i.title,
          ticket: i.ticket_id
            ? {
                id: i.ticket_id,
                number: i.ticket_number,
                status: (i as AgendaItemRow & { ticket_status: string | null }).ticket_status,
              }
            : null,
          needId: i.need_id,
          enterprise: i.enterprise_id ? names.enterprise(i.enterprise_id) : null,
          departments: i.department_ids.map((d) => names.department(d)),
          followUp: i.decision_id ? (decisionViews.get(i.decision_id) ?? null) : null,
          decisionId: decisionOfItem.get(i.item_id) ?? null,
        })),
        invitedDepartments: row.invited_department_ids.map((d) => names.department(d)),
        invitedEnterprises: row.invited_enterprise_ids.map((e) => names.enterprise(e)),
        attendance: row.attendance
          ? {
              departments: row.attendance.departmentIds.map((d) => names.department(d)),
              enterprises: row.attendance.enterpriseIds.map((e) => names.enterprise(e)),
              people: row.attendance.people,
            }
          : null,
        summary: row.summary,
        decisionList: own.flatMap((d) => decisionViews.get(d.id) ?? []),
        cancelReason: row.cancel_reason,
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      },
    };
  }

  /** The counts over [from, to), by the published formulas (MEETING_FIGURE_DEFINITIONS). */
  async stats(from: Date, to: Date): Promise<Omit<MeetingStatsDto, 'from' | 'to' | 'definitions'>> {
    const [r] = await this.tx.manager.query(
      `SELECT
         (SELECT count(*)::int FROM meeting.meetings WHERE status = 'held' AND held_at >= $1 AND held_at < $2) AS meetings_held,
         (SELECT count(*)::int FROM meeting.decisions WHERE decided_at >= $1 AND decided_at < $2) AS items_decided,
         (SELECT count(*)::int FROM meeting.decisions
           WHERE outcome = 'solved' AND closed_at >= $1 AND closed_at < $2) AS decisions_solved,
         (SELECT count(*)::int FROM meeting.decisions
           WHERE outcome = 'solved' AND cooperation AND closed_at >= $1 AND closed_at < $2) AS cooperations_reached`,
      [from, to],
    );
    return {
      meetingsHeld: r.meetings_held,
      itemsDecided: r.items_decided,
      decisionsSolved: r.decisions_solved,
      cooperationsReached: r.cooperations_reached,
    };
  }
}

const summary = (r: SummaryRow): MeetingSummaryDto => ({
  id: r.id,
  title: r.title,
  startsAt: new Date(r.starts_at).toISOString(),
  place: r.place,
  convenor: { id: r.convenor_id, name: r.convenor_name },
  status: r.status,
  heldAt: iso(r.held_at),
  agendaItems: r.agenda_items,
  decisions: r.decision_ids.length,
  version: r.version,
});
