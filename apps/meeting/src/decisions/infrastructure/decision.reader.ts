import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { DecisionScope, MeetingAccessPolicy } from '../../access/meeting-access.policy';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { Names, NamesReader } from '../../shared/infrastructure/names.reader';
import { DecisionPageDto, DecisionResponseDto } from '../decision.response.dto';
import { DecisionRow } from './decision.typeorm-repository';

type Row = DecisionRow & {
  meeting_title: string;
  meeting_held_at: Date | null;
  ticket_number: string | null;
  ticket_title: string | null;
};

const SELECT = `SELECT d.*, m.title AS meeting_title, m.held_at AS meeting_held_at,
    t.number AS ticket_number, t.title AS ticket_title
  FROM meeting.decisions d
  JOIN meeting.meetings m ON m.id = d.meeting_id
  LEFT JOIN meeting.ticket_copies t ON t.ticket_id = d.ticket_id`;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** Decisions for the read side, in the caller's scope, with the SLA's deadline and flag. */
@Injectable()
export class DecisionReader {
  constructor(
    private readonly tx: TransactionContext,
    private readonly names: NamesReader,
  ) {}

  async find(
    user: AuthUser,
    id: string,
  ): Promise<{ scope: DecisionScope; view: DecisionResponseDto } | null> {
    const rows: Row[] = await this.tx.manager.query(`${SELECT} WHERE d.id = $1`, [id]);
    if (!rows.length) return null;
    const [view] = await this.views(user, rows);
    return { scope: scopeOf(rows[0]), view };
  }

  /** Decisions by id (a meeting's, or the follow-ups on its agenda), unscoped: for a caller the meeting's access check let in. */
  async byIds(user: AuthUser, ids: string[]): Promise<Map<string, DecisionResponseDto>> {
    if (!ids.length) return new Map();
    const rows: Row[] = await this.tx.manager.query(`${SELECT} WHERE d.id = ANY($1::uuid[])`, [ids]);
    const views = await this.views(user, rows);
    return new Map(views.map((v) => [v.id, v]));
  }

  async list(
    user: AuthUser,
    f: {
      mine?: boolean;
      status?: string[];
      meetingId?: string;
      flag?: string[];
      cursor?: string;
      limit?: number;
    },
  ): Promise<DecisionPageDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [MeetingAccessPolicy.decisionSql(user, params)];
    if (f.status?.length) where.push(`d.status = ANY(${p(f.status)}::text[])`);
    if (f.flag?.length) where.push(`d.flag = ANY(${p(f.flag)}::text[])`);
    if (f.meetingId) where.push(`d.meeting_id = ${p(f.meetingId)}::uuid`);
    if (f.cursor) {
      const [at, id] = keysetCursor(f.cursor, ['instant', 'uuid']);
      where.push(`(d.decided_at, d.id) < (${p(at)}::timestamptz, ${p(id)}::uuid)`);
    }
    const rows: Row[] = await this.tx.manager.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.decided_at DESC, d.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: await this.views(user, page),
      nextCursor:
        rows.length > limit && last ? encodeCursor(new Date(last.decided_at).toISOString(), last.id) : null,
    };
  }

  private async views(user: AuthUser, rows: Row[]): Promise<DecisionResponseDto[]> {
    const names = await this.names.of(
      rows.flatMap((r) => [
        r.lead_department_id,
        ...r.co_handler_department_ids,
        ...r.reports.map((x) => x.departmentId),
      ]),
      rows.flatMap((r) => (r.enterprise_id ? [r.enterprise_id] : [])),
    );
    return rows.map((r) => view(r, names, user));
  }
}

const scopeOf = (r: DecisionRow): DecisionScope => ({
  id: r.id,
  leadDepartmentId: r.lead_department_id,
  coHandlerDepartmentIds: r.co_handler_department_ids,
  enterpriseId: r.enterprise_id,
});

function view(r: Row, names: Names, user: AuthUser): DecisionResponseDto {
  const roleOf = (dep: string): 'lead' | 'co_handler' =>
    dep === r.lead_department_id ? 'lead' : 'co_handler';
  const leadReport = [...r.reports].reverse().find((x) => x.departmentId === r.lead_department_id);
  const mine =
    user.role === 'department' && user.departmentId
      ? user.departmentId === r.lead_department_id
        ? 'lead'
        : r.co_handler_department_ids.includes(user.departmentId)
          ? 'co_handler'
          : null
      : null;
  return {
    id: r.id,
    meeting: { id: r.meeting_id, title: r.meeting_title, heldAt: iso(r.meeting_held_at) },
    itemId: r.item_id,
    title: r.title,
    task: r.task,
    ticket: r.ticket_id ? { id: r.ticket_id, number: r.ticket_number, title: r.ticket_title } : null,
    needId: r.need_id,
    enterprise: r.enterprise_id ? names.enterprise(r.enterprise_id) : null,
    leadDepartment: names.department(r.lead_department_id),
    coHandlerDepartments: r.co_handler_department_ids.map((d) => names.department(d)),
    dueWorkingDays: r.due_working_days,
    dueAt: iso(r.due_at),
    flag: r.flag,
    escalation: r.escalation,
    cooperation: r.cooperation,
    decidedAt: new Date(r.decided_at).toISOString(),
    status: r.status,
    progress: leadReport?.progress ?? null,
    reports: r.reports.map((x) => ({
      department: names.department(x.departmentId),
      role: roleOf(x.departmentId),
      progress: x.progress,
      report: x.report,
      at: x.at,
    })),
    outcome: r.outcome,
    closeNote: r.close_note,
    closedAt: iso(r.closed_at),
    reportedAtMeetingId: r.reported_at_meeting_id,
    myRole: mine,
    version: r.version,
  };
}
