import { AuthUser, TicketScope, TicketVisibility } from '@ticketing/auth';
import { NameBook } from './name-book';

const iso = (v: unknown): string | null =>
  v instanceof Date ? v.toISOString() : typeof v === 'string' ? new Date(v).toISOString() : null;

/** A ticket as lists show it: ids with their names, times as ISO-8601. */
export function ticketView(r: Record<string, unknown>, names: NameBook): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ticketId: r.ticket_id,
    number: r.number ?? null,
    title: r.title ?? null,
    enterpriseId: r.enterprise_id ?? null,
    enterpriseName: r.enterprise_name ?? null,
    category: r.category || null,
    categoryName: names.category(r.category as string),
    gridId: r.grid_id || null,
    gridName: names.grid(r.grid_id as string) || null,
    departmentId: r.department_id || null,
    departmentName: r.department_id ? names.department(r.department_id as string) : null,
    status: r.status ?? null,
  };
  for (const [k, v] of Object.entries(r)) {
    if (
      k in
      {
        ticket_id: 1,
        number: 1,
        title: 1,
        enterprise_id: 1,
        enterprise_name: 1,
        category: 1,
        grid_id: 1,
        department_id: 1,
        status: 1,
      }
    )
      continue;
    const key = k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    out[key] = k.endsWith('_at') ? iso(v) : v;
  }
  if (Array.isArray(r.co_handler_department_ids)) {
    out.coHandlerNames = (r.co_handler_department_ids as string[]).map((d) => names.department(d));
  }
  return out;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Who may see a ticket fact row (ledger.ticket_facts columns): its enterprise, grid, lead and co-handlers. */
export function scopeOf(r: Record<string, unknown>): TicketScope {
  return {
    enterpriseId: text(r.enterprise_id),
    gridId: text(r.grid_id),
    leadDepartmentId: text(r.department_id),
    coHandlerDepartmentIds: Array.isArray(r.co_handler_department_ids)
      ? r.co_handler_department_ids.filter((d): d is string => typeof d === 'string')
      : [],
  };
}

/** The rows of tickets the caller may see (TicketVisibility): another's ticket is not listed. */
export const visibleTo = <R extends Record<string, unknown>>(user: AuthUser, rows: R[]): R[] =>
  rows.filter((r) => TicketVisibility.canSee(user, scopeOf(r)));

export interface TicketList {
  items: Record<string, unknown>[];
}
