import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { OutreachAccessPolicy, VisitScope } from '../../access/outreach-access.policy';
import { VisitPageDto, VisitResponseDto } from '../visit.response.dto';
import { toVisitProps, VisitRow } from './visit.typeorm-repository';

interface TicketRow {
  ticket_id: string;
  status: string | null;
  solved: boolean | null;
  satisfaction: string | null;
}

/** Visits for the read side: one with its tickets' state, or a page in the caller's scope. */
@Injectable()
export class VisitReader {
  constructor(private readonly tx: TransactionContext) {}

  async find(
    id: string,
  ): Promise<{ scope: VisitScope; view: (withNotes: boolean) => VisitResponseDto } | null> {
    const [row]: VisitRow[] = await this.tx.manager.query(`SELECT * FROM outreach.visits WHERE id = $1`, [
      id,
    ]);
    if (!row) return null;
    const v = toVisitProps(row);
    const tickets: TicketRow[] = await this.tx.manager.query(
      `SELECT ticket_id, status, solved, satisfaction FROM outreach.ticket_copies WHERE ticket_id = ANY($1::uuid[])`,
      [v.links.map((l) => l.ticketId)],
    );
    const state = new Map(tickets.map((t) => [t.ticket_id, t]));
    return {
      scope: { id: v.id, enterpriseId: v.enterpriseId, instructorUserId: v.instructor.id },
      view: (withNotes) => ({
        id: v.id,
        enterpriseId: v.enterpriseId,
        enterpriseName: v.enterpriseName,
        gridId: v.gridId,
        instructor: { id: v.instructor.id, name: v.instructor.name },
        companions: v.companions,
        visitedAt: v.visitedAt.toISOString(),
        month: v.month,
        mode: v.mode,
        topics: v.topics,
        findings: withNotes ? v.findings : null,
        photos: withNotes
          ? v.photos.map((p) => ({
              id: p.id,
              fileName: p.fileName,
              contentType: p.contentType,
              size: p.size,
            }))
          : [],
        problems: v.problems.map((p) => {
          const link = v.links.find((l) => l.problemIndex === p.index);
          const t = link && state.get(link.ticketId);
          return {
            index: p.index,
            title: p.title,
            description: p.description,
            category: p.category,
            urgency: p.urgency,
            contact: p.contact,
            location: p.location,
            photoIds: withNotes ? p.photoIds : [],
            ticket: link
              ? {
                  id: link.ticketId,
                  number: link.ticketNumber,
                  status: t?.status ?? null,
                  solved: t?.solved ?? null,
                  satisfaction: t?.satisfaction ?? null,
                }
              : null,
          };
        }),
        needIds: v.needIds,
        planned: v.planned,
        taskListId: v.taskListId,
        version: v.version,
        recordedAt: v.recordedAt.toISOString(),
      }),
    };
  }

  async list(
    user: AuthUser,
    f: { enterpriseId?: string; instructorUserId?: string; month?: string; cursor?: string; limit?: number },
  ): Promise<VisitPageDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scope = OutreachAccessPolicy.visitSql(user, params);
    if (scope) where.push(scope);
    if (f.enterpriseId) where.push(`v.enterprise_id = ${p(f.enterpriseId)}`);
    if (f.instructorUserId) where.push(`v.instructor_user_id = ${p(f.instructorUserId)}`);
    if (f.month) where.push(`v.month = ${p(f.month)}`);
    if (f.cursor) {
      const keys = keysetCursor(f.cursor, ['instant', 'uuid']);
      where.push(`(v.visited_at, v.id) < (${p(keys[0])}::timestamptz, ${p(keys[1])}::uuid)`);
    }
    const rows: {
      id: string;
      enterprise_id: string;
      enterprise_name: string;
      instructor_user_id: string;
      instructor_name: string;
      visited_at: Date;
      month: string;
      mode: string;
      planned: boolean;
      problems: number;
      tickets: number;
      needs: number;
    }[] = await this.tx.manager.query(
      `SELECT v.id, v.enterprise_id, v.enterprise_name, v.instructor_user_id, v.instructor_name, v.visited_at, v.month,
              v.mode, v.planned, jsonb_array_length(v.problems) AS problems, jsonb_array_length(v.links) AS tickets,
              cardinality(v.need_ids) AS needs
         FROM outreach.visits v
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY v.visited_at DESC, v.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        instructor: { id: r.instructor_user_id, name: r.instructor_name },
        visitedAt: new Date(r.visited_at).toISOString(),
        month: r.month,
        mode: r.mode,
        planned: r.planned,
        problemCount: r.problems,
        ticketCount: r.tickets,
        needCount: r.needs,
      })),
      nextCursor:
        rows.length > limit && last ? encodeCursor(new Date(last.visited_at).toISOString(), last.id) : null,
    };
  }
}
