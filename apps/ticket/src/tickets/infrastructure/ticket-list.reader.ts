import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { TicketAccessPolicy } from '../access/ticket-access.policy';
import { TicketListFilter } from '../queries/list-tickets/list-tickets.query';
import { decodeCursor, encodeCursor } from '../queries/list-tickets/ticket-cursor';
import { TicketListResponseDto } from '../queries/list-tickets/ticket-list.response.dto';
import { overallFlag } from './ticket-detail.reader';

interface Row {
  id: string;
  number: string;
  status: string;
  version: number;
  title: string;
  category: string;
  urgency: string;
  enterprise_id: string;
  enterprise_name: string;
  grid_id: string | null;
  channel: string;
  visit_id: string | null;
  lead_department_id: string | null;
  co: string[] | null;
  submitted_at: Date;
  updated_at: Date;
  due_at: Date | null;
  due_kind: string | null;
  flags: Record<string, 'yellow' | 'red'> | null;
  paused: Record<string, string> | null;
  handler_user_id: string | null;
  handler_name: string | null;
  merged_into_id: string | null;
  follows_main: boolean;
  awaiting_information: boolean;
  awaiting_callback: boolean;
  sort_key: string;
}

/** Which clock matters in which status: the one the people holding the ticket are racing. */
/** A clock of the ticket carries this card (the flags are per clock: { respond: 'red', … }). */
const FLAGGED = `EXISTS (SELECT 1 FROM jsonb_each_text(COALESCE(d.flags, '{}'::jsonb)) fl WHERE fl.value = `;

const DUE = `CASE WHEN t.status = 'triage' THEN 'triage'
                  WHEN t.status IN ('assigned', 'reopened') THEN 'respond'
                  WHEN t.status IN ('in_progress', 'transfer_requested') THEN 'resolve'
                  WHEN t.status = 'resolved' THEN 'feedback' END`;

/** 待回访: resolved, the enterprise's feedback window lapsed, and nobody rated. */
const AWAITING_CALLBACK = `(t.status = 'resolved' AND d.feedback_lapsed_at IS NOT NULL AND t.feedback IS NULL)`;

/**
 * The role-scoped lists in SQL: an enterprise's own tickets, an instructor's grids, a department's
 * queue (lead or co-handler), everything for the committee and admin. Keyset pagination with an
 * opaque cursor, so pages stay stable while tickets keep arriving.
 */
@Injectable()
export class TicketListReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(user: AuthUser, f: TicketListFilter): Promise<TicketListResponseDto> {
    const sort = f.sort ?? 'newest';
    const limit = f.limit ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };

    const scope = TicketAccessPolicy.sqlScope(user);
    if (scope) {
      let sql = scope.sql;
      for (const [name, value] of Object.entries(scope.params)) sql = sql.split(`:${name}`).join(p(value));
      where.push(sql);
    }
    if (f.status?.length) where.push(`t.status = ANY(${p(f.status)})`);
    if (f.category?.length) where.push(`t.category = ANY(${p(f.category)})`);
    if (f.enterpriseId) where.push(`t.enterprise_id = ${p(f.enterpriseId)}`);
    if (f.departmentId) {
      const dep = p(f.departmentId);
      where.push(
        `(t.lead_department_id = ${dep} OR EXISTS (SELECT 1 FROM ticket.ticket_parts pt WHERE pt.ticket_id = t.id AND pt.department_id = ${dep}))`,
      );
    }
    if (f.flag === 'red') where.push(`${FLAGGED}'red')`);
    if (f.flag === 'yellow') where.push(`${FLAGGED}'yellow') AND NOT ${FLAGGED}'red')`);
    // Days in Beijing time: from the day's first instant, to the next day's first (exclusive).
    if (f.submittedFrom)
      where.push(`t.submitted_at >= (${p(f.submittedFrom)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (f.submittedTo)
      where.push(`t.submitted_at < (${p(f.submittedTo)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (f.assignedToMe) where.push(`t.handler_user_id = ${p(user.id)}`);
    if (f.handlerUserId) where.push(`t.handler_user_id = ${p(f.handlerUserId)}`);
    if (f.channel?.length) where.push(`t.channel = ANY(${p(f.channel)})`);
    if (f.awaitingInformation !== undefined)
      where.push(`t.open_information_request IS ${f.awaitingInformation ? 'NOT ' : ''}NULL`);
    if (f.awaitingCallback !== undefined)
      where.push(`${f.awaitingCallback ? '' : 'NOT '}${AWAITING_CALLBACK}`);
    if (f.pendingExtension !== undefined)
      where.push(f.pendingExtension ? `t.pending_extension IS NOT NULL` : `t.pending_extension IS NULL`);
    if (f.dueSoonHours) {
      where.push(
        `x.due_kind IN ('respond', 'resolve') AND x.due_at >= now() AND x.due_at <= now() + ${p(f.dueSoonHours)} * interval '1 hour'`,
      );
    }
    if (f.overdue === true) {
      where.push(
        `((x.due_kind IN ('respond', 'resolve') AND x.due_at < now()) OR d.flags ->> 'respond' = 'red' OR d.flags ->> 'resolve' = 'red')`,
      );
    }
    const sortKey = sort === 'deadline' ? `COALESCE(x.due_at, 'infinity'::timestamptz)` : 't.submitted_at';
    if (f.cursor) {
      const c = decodeCursor(f.cursor, sort);
      where.push(
        sort === 'deadline'
          ? `(${sortKey}, t.id) > (${p(c.k)}::timestamptz, ${p(c.id)}::uuid)`
          : `(${sortKey}, t.id) < (${p(c.k)}::timestamptz, ${p(c.id)}::uuid)`,
      );
    }
    const order = sort === 'deadline' ? `${sortKey} ASC, t.id ASC` : `${sortKey} DESC, t.id DESC`;

    const rows: Row[] = await this.tx.manager.query(
      `SELECT t.id, t.number, t.status, t.version, t.title, t.category, t.urgency, t.enterprise_id, t.enterprise_name, t.grid_id,
              t.channel, t.visit_id, t.lead_department_id, t.submitted_at, t.updated_at, x.due_at, x.due_kind, d.flags, d.paused,
              t.handler_user_id, t.handler_name, t.merged_into_id, t.follows_main,
              t.open_information_request IS NOT NULL AS awaiting_information, COALESCE(${AWAITING_CALLBACK}, false) AS awaiting_callback,
              (SELECT array_agg(pt.department_id ORDER BY pt.position) FROM ticket.ticket_parts pt WHERE pt.ticket_id = t.id) AS co,
              CASE WHEN ${sortKey} = 'infinity'::timestamptz THEN 'infinity' ELSE to_char(${sortKey} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS sort_key
         FROM ticket.tickets t
         LEFT JOIN ticket.ticket_deadlines d ON d.ticket_id = t.id
         CROSS JOIN LATERAL (
           SELECT ${DUE} AS due_kind,
                  CASE ${DUE} WHEN 'triage' THEN d.triage_due_at WHEN 'respond' THEN d.respond_due_at WHEN 'resolve' THEN d.resolve_due_at WHEN 'feedback' THEN d.feedback_due_at END AS due_at
         ) x
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${order}
        LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        status: r.status,
        version: r.version,
        title: r.title,
        category: r.category,
        urgency: r.urgency,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        gridId: r.grid_id,
        channel: r.channel,
        visitId: r.visit_id,
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co ?? [],
        submittedAt: new Date(r.submitted_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
        dueKind: r.due_at ? r.due_kind : null,
        flag: overallFlag(r.flags),
        paused: r.paused ?? {},
        handler: r.handler_user_id ? { userId: r.handler_user_id, name: r.handler_name ?? '' } : null,
        mergedIntoId: r.merged_into_id,
        followsMain: r.follows_main,
        awaitingInformation: r.awaiting_information,
        awaitingCallback: r.awaiting_callback,
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ s: sort, k: last.sort_key, id: last.id }) : null,
    };
  }
}
