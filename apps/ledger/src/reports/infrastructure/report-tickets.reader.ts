import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

export const REPORT_LIST_LIMIT = 500;

/** A ticket as a report names it. */
export interface NamedTicket {
  ticketId: string;
  number: string;
  title: string;
  enterpriseName: string;
  departmentId: string;
  status: string | null;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  replyDueAt: string | null;
  repliedAt: string | null;
  reopenCount: number;
  superviseLevel: string | null;
  result: string | null;
  replyMessage: string | null;
}

/**
 * Overdue: resolved after its resolution deadline (extensions included), or not resolved and past
 * it (its red card); or answered after its reply deadline, or not answered and past it. The same
 * rule as the on-time resolution and reply rates, so the named list is their numerators' complement.
 */
export const OVERDUE_SQL = `f.withdrawn_at IS NULL AND f.merged_into IS NULL AND (
    (f.resolve_due_at IS NOT NULL AND ((f.resolved_at IS NOT NULL AND f.resolved_at > f.resolve_due_at) OR (f.resolved_at IS NULL AND f.resolve_breached)))
 OR (f.reply_due_at IS NOT NULL AND ((f.replied_at IS NOT NULL AND f.replied_at > f.reply_due_at) OR (f.replied_at IS NULL AND f.reply_breached))))`;
export const REOPENED_SQL = `f.withdrawn_at IS NULL AND f.merged_into IS NULL AND f.reopen_count > 0`;
export const SUPERVISED_SQL = `f.withdrawn_at IS NULL AND f.supervise_level IS NOT NULL`;

const iso = (v: unknown): string | null => (v ? new Date(v as string).toISOString() : null);

/** The tickets of a period (by submission month, like the rates) that a report names. */
@Injectable()
export class ReportTicketsReader {
  constructor(private readonly tx: TransactionContext) {}

  async named(
    which: 'overdue' | 'reopened' | 'supervised',
    months: readonly string[],
    departmentId?: string,
  ): Promise<{ total: number; tickets: NamedTicket[] }> {
    const predicate = { overdue: OVERDUE_SQL, reopened: REOPENED_SQL, supervised: SUPERVISED_SQL }[which];
    const params: unknown[] = [months, departmentId ?? null];
    const where = `f.month = ANY($1::text[]) AND ($2::text IS NULL OR f.department_id = $2) AND ${predicate}`;
    const [{ n }]: { n: number }[] = await this.tx.manager.query(
      `SELECT count(*)::int AS n FROM ledger.ticket_facts f WHERE ${where}`,
      params,
    );
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT f.ticket_id, f.number, f.title, f.enterprise_name, f.department_id, f.status, f.resolve_due_at, f.resolved_at,
              f.reply_due_at, f.replied_at, f.reopen_count, f.supervise_level, f.result, f.reply_message
       FROM ledger.ticket_facts f WHERE ${where}
       ORDER BY f.department_id, coalesce(f.submitted_at, f.first_seen_at), f.ticket_id LIMIT ${REPORT_LIST_LIMIT}`,
      params,
    );
    return {
      total: n,
      tickets: rows.map((r) => ({
        ticketId: String(r.ticket_id),
        number: String(r.number ?? r.ticket_id),
        title: String(r.title ?? ''),
        enterpriseName: String(r.enterprise_name ?? ''),
        departmentId: String(r.department_id ?? ''),
        status: (r.status as string) ?? null,
        resolveDueAt: iso(r.resolve_due_at),
        resolvedAt: iso(r.resolved_at),
        replyDueAt: iso(r.reply_due_at),
        repliedAt: iso(r.replied_at),
        reopenCount: Number(r.reopen_count ?? 0),
        superviseLevel: (r.supervise_level as string) ?? null,
        result: (r.result as string) ?? null,
        replyMessage: (r.reply_message as string) ?? null,
      })),
    };
  }
}
