import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { PlanMonth } from '../domain/plan-vs-done';

/**
 * A month's plan and work per instructor, from outreach's own tables: the published task lists,
 * the visits of the month (zone time) with their linked tickets, and the ticket copies' outcomes.
 * Every instructor with a published list or a visit that month, or the one asked for.
 */
@Injectable()
export class PlanMonthReader {
  constructor(private readonly tx: TransactionContext) {}

  async read(month: string, instructorUserId: string | null): Promise<PlanMonth[]> {
    const m = this.tx.manager;
    const lists: {
      instructor_user_id: string;
      instructor_name: string;
      items: { enterpriseId: string; enterpriseName: string }[];
    }[] = await m.query(
      `SELECT instructor_user_id, instructor_name, items FROM outreach.task_lists
          WHERE month = $1 AND status = 'published' AND ($2::text IS NULL OR instructor_user_id = $2)`,
      [month, instructorUserId],
    );
    const visits: {
      instructor_user_id: string;
      instructor_name: string;
      enterprise_id: string;
      enterprise_name: string;
      visited_at: Date;
      problems: number;
      ticket_ids: string[] | null;
    }[] = await m.query(
      `SELECT v.instructor_user_id, v.instructor_name, v.enterprise_id, v.enterprise_name, v.visited_at,
              jsonb_array_length(v.problems) AS problems,
              (SELECT array_agg(l->>'ticketId') FROM jsonb_array_elements(v.links) l) AS ticket_ids
         FROM outreach.visits v
        WHERE v.month = $1 AND ($2::text IS NULL OR v.instructor_user_id = $2)
        ORDER BY v.visited_at, v.id`,
      [month, instructorUserId],
    );
    const ticketIds = visits.flatMap((v) => v.ticket_ids ?? []);
    const outcomes: { ticket_id: string; solved: boolean | null; satisfaction: string | null }[] =
      ticketIds.length
        ? await m.query(
            `SELECT ticket_id, solved, satisfaction FROM outreach.ticket_copies WHERE ticket_id = ANY($1::uuid[])`,
            [ticketIds],
          )
        : [];
    const outcome = new Map(
      outcomes.map((o) => [o.ticket_id, { solved: o.solved, satisfaction: o.satisfaction }]),
    );

    const ids = [
      ...new Set([...lists.map((l) => l.instructor_user_id), ...visits.map((v) => v.instructor_user_id)]),
    ];
    if (instructorUserId && !ids.includes(instructorUserId)) ids.push(instructorUserId);
    const names: { id: string; display_name: string }[] = ids.length
      ? await m.query(`SELECT id, display_name FROM outreach.directory_users WHERE id = ANY($1)`, [ids])
      : [];
    const nameOf = (id: string) =>
      lists.find((l) => l.instructor_user_id === id)?.instructor_name ??
      visits.find((v) => v.instructor_user_id === id)?.instructor_name ??
      names.find((n) => n.id === id)?.display_name ??
      id;
    return ids
      .map((id) => ({
        instructorUserId: id,
        instructorName: nameOf(id),
        month,
        planned: (lists.find((l) => l.instructor_user_id === id)?.items ?? []).map((i) => ({
          enterpriseId: i.enterpriseId,
          enterpriseName: i.enterpriseName,
        })),
        visits: visits
          .filter((v) => v.instructor_user_id === id)
          .map((v) => ({
            enterpriseId: v.enterprise_id,
            enterpriseName: v.enterprise_name,
            visitedAt: new Date(v.visited_at),
            problemCount: v.problems,
            ticketIds: v.ticket_ids ?? [],
          })),
        outcomes: outcome,
      }))
      .sort(
        (a, b) =>
          a.instructorName.localeCompare(b.instructorName, 'zh') ||
          a.instructorUserId.localeCompare(b.instructorUserId),
      );
  }
}
