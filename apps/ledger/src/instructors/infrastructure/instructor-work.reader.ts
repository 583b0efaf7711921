import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { InstructorMonth } from '../domain/instructor-score';

export interface InstructorWork {
  instructorUserId: string;
  name: string;
  months: InstructorMonth[];
}

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

/**
 * The instructors' months from the ledger's projections: the latest published task lists, the
 * visits, their tickets with the outcome the ticket facts hold now, the activities of the work log.
 * Every instructor with a list, a visit or an activity in the months, or the one asked for.
 */
@Injectable()
export class InstructorWorkReader {
  constructor(private readonly tx: TransactionContext) {}

  async read(months: readonly string[], instructorUserId?: string): Promise<InstructorWork[]> {
    const m = this.tx.manager;
    const params = [months, instructorUserId ?? null];
    const only = (alias: string) =>
      `${alias}.month = ANY($1::text[]) AND ($2::text IS NULL OR ${alias}.instructor_user_id = $2)`;
    const lists: {
      instructor_user_id: string;
      month: string;
      items: { enterpriseId: string; enterpriseName: string }[];
    }[] = await m.query(
      `SELECT l.instructor_user_id, l.month, l.items FROM ledger.task_lists l WHERE ${only('l')} ORDER BY l.task_list_id`,
      params,
    );
    const visits: Record<string, unknown>[] = await m.query(
      `SELECT v.* FROM ledger.visits v WHERE ${only('v')} ORDER BY v.visited_at, v.visit_id`,
      params,
    );
    const tickets: Record<string, unknown>[] = await m.query(
      `SELECT t.visit_id, t.instructor_user_id, t.month, t.ticket_id, t.ticket_number, f.title, f.solved, f.satisfaction
       FROM ledger.visit_tickets t LEFT JOIN ledger.ticket_facts f ON f.ticket_id = t.ticket_id
       WHERE ${only('t')} ORDER BY t.visit_id, t.problem_index`,
      params,
    );
    const activities: Record<string, unknown>[] = await m.query(
      `SELECT w.entry_id, w.instructor_user_id, w.month, w.day, w.title FROM ledger.work_log w
       WHERE ${only('w')} AND w.kind = 'activity' ORDER BY w.day, w.entry_id`,
      params,
    );
    const ids = new Set<string>([
      ...lists.map((l) => l.instructor_user_id),
      ...visits.map((v) => String(v.instructor_user_id)),
      ...tickets.map((t) => String(t.instructor_user_id)),
      ...activities.map((a) => String(a.instructor_user_id)),
    ]);
    if (instructorUserId) ids.add(instructorUserId);
    const users: { id: string; name: string }[] = ids.size
      ? await m.query(`SELECT id, name FROM ledger.users WHERE id = ANY($1::text[])`, [[...ids]])
      : [];
    const nameOf = (id: string) =>
      users.find((u) => u.id === id)?.name ??
      (visits.find((v) => v.instructor_user_id === id)?.instructor_name as string | undefined) ??
      id;
    return [...ids].map((id) => ({
      instructorUserId: id,
      name: nameOf(id),
      months: months.map((month) => ({
        month,
        planned: lists
          .filter((l) => l.instructor_user_id === id && l.month === month)
          .flatMap((l) =>
            l.items.map((i) => ({ enterpriseId: i.enterpriseId, enterpriseName: i.enterpriseName })),
          ),
        visits: visits
          .filter((v) => v.instructor_user_id === id && v.month === month)
          .map((v) => ({
            visitId: String(v.visit_id),
            enterpriseId: String(v.enterprise_id),
            enterpriseName: String(v.enterprise_name),
            visitedAt: iso(v.visited_at),
            mode: String(v.mode),
            planned: v.planned === true,
            problems: Number(v.problem_count),
          })),
        tickets: tickets
          .filter((t) => t.instructor_user_id === id && t.month === month)
          .map((t) => ({
            visitId: String(t.visit_id),
            ticketId: String(t.ticket_id),
            number: String(t.ticket_number),
            title: (t.title as string | null) ?? null,
            solved: (t.solved as boolean | null) ?? null,
            satisfaction: (t.satisfaction as string | null) ?? null,
          })),
        activities: activities
          .filter((a) => a.instructor_user_id === id && a.month === month)
          .map((a) => ({ entryId: String(a.entry_id), day: String(a.day), title: String(a.title) })),
      })),
    }));
  }

  /** Visits per instructor and month of a year, by mode: what allowances are paid on. */
  async visitCounts(
    year: string,
    instructorUserId?: string,
  ): Promise<{ instructor_user_id: string; name: string; month: string; visits: number; on_site: number }[]> {
    return this.tx.manager.query(
      `SELECT v.instructor_user_id, coalesce(u.name, max(v.instructor_name)) AS name, v.month, count(*)::int AS visits,
              count(*) FILTER (WHERE v.mode = 'on_site')::int AS on_site
       FROM ledger.visits v LEFT JOIN ledger.users u ON u.id = v.instructor_user_id
       WHERE v.month LIKE $1 || '-%' AND ($2::text IS NULL OR v.instructor_user_id = $2)
       GROUP BY v.instructor_user_id, u.name, v.month ORDER BY v.instructor_user_id, v.month`,
      [year, instructorUserId ?? null],
    );
  }
}
