import { api } from '../../api/client';
import type { Page, TicketSummary } from '../../api/types';

export interface DepartmentStatsRow {
  departmentId: string;
  departmentName: string | null;
  assigned: number;
  transferRequests: number;
  transfersApproved: number;
  transfersRejected: number;
  reopens: number;
}

export interface LiveFigures {
  tickets: TicketSummary[];
  truncated: boolean;
  received: number;
  open: number;
  overdue: number;
  closed: number;
  byCategory: Map<string, number>;
  byDay: { day: string; submitted: number }[];
  byDepartment: Map<string, { received: number; open: number; overdue: number; closed: number }>;
  watchList: TicketSummary[];
}

const OPEN = new Set([
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'transfer_requested',
  'resolved',
  'reopened',
]);
const MAX_PAGES = 10;

const dayKey = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Figures counted from the ticket service's list (the committee sees every ticket). */
export async function loadLiveFigures(now = Date.now()): Promise<LiveFigures> {
  const tickets: TicketSummary[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Page<TicketSummary> = await api<Page<TicketSummary>>('/api/v1/tickets', {
      query: { limit: 100, cursor: cursor ?? undefined },
    });
    tickets.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < MAX_PAGES);

  const isOverdue = (t: TicketSummary) =>
    OPEN.has(t.status) &&
    (t.flag === 'red' || (t.dueAt !== null && new Date(t.dueAt).getTime() < now && t.dueKind !== 'feedback'));
  const byCategory = new Map<string, number>();
  const byDepartment = new Map<string, { received: number; open: number; overdue: number; closed: number }>();
  const days = new Map<string, number>();
  for (let i = 13; i >= 0; i--) days.set(dayKey(new Date(now - i * 86_400_000)), 0);
  for (const t of tickets) {
    byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + 1);
    const d = dayKey(new Date(t.submittedAt));
    if (days.has(d)) days.set(d, days.get(d)! + 1);
    if (t.leadDepartmentId) {
      const row = byDepartment.get(t.leadDepartmentId) ?? { received: 0, open: 0, overdue: 0, closed: 0 };
      row.received++;
      if (OPEN.has(t.status)) row.open++;
      if (isOverdue(t)) row.overdue++;
      if (t.status === 'closed') row.closed++;
      byDepartment.set(t.leadDepartmentId, row);
    }
  }
  const watchList = tickets
    .filter((t) => OPEN.has(t.status) && (t.flag !== null || isOverdue(t)))
    .sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? ''));
  return {
    tickets,
    truncated: cursor !== null,
    received: tickets.filter((t) => t.status !== 'withdrawn').length,
    open: tickets.filter((t) => OPEN.has(t.status)).length,
    overdue: tickets.filter(isOverdue).length,
    closed: tickets.filter((t) => t.status === 'closed').length,
    byCategory,
    byDay: [...days].map(([day, submitted]) => ({ day, submitted })),
    byDepartment,
    watchList,
  };
}

export async function loadDepartmentStats(): Promise<DepartmentStatsRow[]> {
  const r = await api<{ departments: DepartmentStatsRow[] }>('/api/v1/dispatch/stats/departments');
  return r.departments;
}
