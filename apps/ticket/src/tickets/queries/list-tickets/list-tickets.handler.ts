import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { overallFlag } from '../get-ticket/get-ticket.handler';
import { ListTicketsQuery } from './list-tickets.query';
import { decodeCursor, encodeCursor } from './ticket-cursor';
import { TicketListResponseDto } from './ticket-list.response.dto';

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
  lead_department_id: string | null;
  co: string[] | null;
  submitted_at: Date;
  updated_at: Date;
  due_at: Date | null;
  due_kind: string | null;
  flags: Record<string, 'yellow' | 'red'> | null;
  sort_key: string;
}

/** Which clock matters in which status: the one the people holding the ticket are racing. */
const DUE = `CASE WHEN t.status = 'triage' THEN 'triage'
                  WHEN t.status IN ('assigned', 'reopened') THEN 'respond'
                  WHEN t.status IN ('in_progress', 'transfer_requested') THEN 'resolve'
                  WHEN t.status = 'resolved' THEN 'feedback' END`;

/**
 * The role-scoped lists: an enterprise's own tickets, an instructor's grids, a department's queue
 * (lead or co-handler), everything for the committee and admin. Keyset pagination with an opaque
 * cursor, so pages stay stable while tickets keep arriving.
 */
@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, TicketListResponseDto> {
  constructor(@InjectDataSource('ticket') private readonly dataSource: DataSource) {}

  async execute(q: ListTicketsQuery): Promise<TicketListResponseDto> {
    const f = q.filter;
    const sort = f.sort ?? 'newest';
    const limit = f.limit ?? 20;
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };

    const scope = TicketAccessPolicy.sqlScope(q.user);
    if (scope) {
      let sql = scope.sql;
      for (const [name, value] of Object.entries(scope.params)) sql = sql.split(`:${name}`).join(p(value));
      where.push(sql);
    }
    if (f.status?.length) where.push(`t.status = ANY(${p(f.status)})`);
    if (f.category?.length) where.push(`t.category = ANY(${p(f.category)})`);
    if (f.enterpriseId) where.push(`t.enterprise_id = ${p(f.enterpriseId)}`);
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

    const rows: Row[] = await this.dataSource.query(
      `SELECT t.id, t.number, t.status, t.version, t.title, t.category, t.urgency, t.enterprise_id, t.enterprise_name, t.grid_id,
              t.lead_department_id, t.submitted_at, t.updated_at, x.due_at, x.due_kind, d.flags,
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
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co ?? [],
        submittedAt: new Date(r.submitted_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
        dueKind: r.due_at ? r.due_kind : null,
        flag: overallFlag(r.flags),
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ s: sort, k: last.sort_key, id: last.id }) : null,
    };
  }
}
