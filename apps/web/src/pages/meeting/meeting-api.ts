import { api, apiResponse, newIdempotencyKey } from '../../api/client';
import type { Flag, Page } from '../../api/types';

/**
 * The joint meetings (联席会议) of the meeting service, /api/v1/meetings: the agenda from the
 * escalation ladder, scheduling, recording with one decision (议定事项) per decided item, decisions
 * tracked with their SLA clocks, the minutes as .docx, the counts.
 */
const BASE = '/api/v1/meetings';

export interface NamedRef {
  id: string;
  /** null: not (yet) in the meeting service's directory copy. */
  name: string | null;
}

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';
export type DecisionStatus = 'open' | 'done' | 'closed';
export type DecisionProgress = 'in_progress' | 'done';
export type DecisionOutcome = 'solved' | 'unsolved' | 'withdrawn';
export type AgendaKind = 'ticket' | 'need' | 'topic' | 'follow_up';
export type AgendaSource = 'escalation' | 'manual' | 'follow_up';

export interface DecisionReport {
  department: NamedRef;
  role: 'lead' | 'co_handler';
  progress: DecisionProgress;
  report: string;
  at: string;
}

export interface Decision {
  id: string;
  meeting: { id: string; title: string; heldAt: string | null };
  itemId: string;
  title: string;
  task: string;
  ticket: { id: string; number: string | null; title: string | null } | null;
  needId: string | null;
  enterprise: NamedRef | null;
  leadDepartment: NamedRef;
  coHandlerDepartments: NamedRef[];
  dueWorkingDays: number;
  dueAt: string | null;
  flag: Flag;
  escalation: string | null;
  cooperation: boolean;
  decidedAt: string;
  status: DecisionStatus;
  progress: DecisionProgress | null;
  reports: DecisionReport[];
  outcome: DecisionOutcome | null;
  closeNote: string | null;
  closedAt: string | null;
  reportedAtMeetingId: string | null;
  myRole: 'lead' | 'co_handler' | null;
  version: number;
}

export interface AgendaItem {
  itemId: string;
  kind: AgendaKind;
  source: AgendaSource;
  title: string;
  ticket: { id: string; number: string | null; status: string | null } | null;
  needId: string | null;
  enterprise: NamedRef | null;
  departments: NamedRef[];
  followUp: Decision | null;
  decisionId: string | null;
}

export interface MeetingSummary {
  id: string;
  title: string;
  startsAt: string;
  place: string;
  convenor: NamedRef;
  status: MeetingStatus;
  heldAt: string | null;
  agendaItems: number;
  decisions: number;
  version: number;
}

export interface Meeting extends MeetingSummary {
  agenda: AgendaItem[];
  invitedDepartments: NamedRef[];
  invitedEnterprises: NamedRef[];
  attendance: { departments: NamedRef[]; enterprises: NamedRef[]; people: string[] } | null;
  summary: string | null;
  decisionList: Decision[];
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Candidate {
  ticketId: string;
  number: string | null;
  title: string | null;
  enterprise: NamedRef | null;
  leadDepartment: NamedRef | null;
  coHandlerDepartments: NamedRef[];
  status: string | null;
  reason: 'escalation' | 'supervision';
  raisedAt: string;
  note: string;
}

export interface FollowUpCandidate {
  decisionId: string;
  title: string;
  meeting: NamedRef;
  leadDepartment: NamedRef;
  status: 'open' | 'done';
  dueAt: string | null;
  flag: Flag;
}

export interface Candidates {
  tickets: Candidate[];
  followUps: FollowUpCandidate[];
}

export interface MeetingStats {
  from: string;
  to: string;
  meetingsHeld: number;
  itemsDecided: number;
  decisionsSolved: number;
  cooperationsReached: number;
  definitions: Record<string, string>;
}

export interface Changed {
  id: string;
  status: string;
  version: number;
}

export interface AgendaItemInput {
  kind: 'ticket' | 'need' | 'topic';
  ticketId?: string;
  needId?: string;
  title?: string;
  enterpriseId?: string;
  departmentIds?: string[];
}

export interface ScheduleInput {
  title: string;
  startsAt: string;
  place: string;
  items: AgendaItemInput[];
  invitedDepartmentIds: string[];
  invitedEnterpriseIds: string[];
  followUps: boolean;
}

export interface DecisionInput {
  itemId: string;
  task: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  dueWorkingDays: number;
  cooperation: boolean;
}

export interface RecordInput {
  expectedVersion: number;
  heldAt: string;
  attendance: { departmentIds: string[]; enterpriseIds: string[]; people: string[] };
  summary: string;
  decisions: DecisionInput[];
}

export const meetingsApi = {
  list: (query: { status?: string; cursor?: string | null; limit?: number }) =>
    api<Page<MeetingSummary>>(BASE, { query: { limit: 20, ...query } }),
  get: (id: string) => api<Meeting>(`${BASE}/${encodeURIComponent(id)}`),
  candidates: () => api<Candidates>(`${BASE}/candidates`),
  stats: (from?: string, to?: string) => api<MeetingStats>(`${BASE}/stats`, { query: { from, to } }),
  /** One key per filled-in form: a retry after a lost answer gets the same meeting. */
  schedule: (input: ScheduleInput, key = newIdempotencyKey()) =>
    api<Changed & { itemIds: string[] }>(BASE, {
      method: 'POST',
      body: input,
      headers: { 'Idempotency-Key': key },
    }),
  update: (
    id: string,
    body: { expectedVersion: number; title?: string; startsAt?: string; place?: string },
  ) => api<Changed>(`${BASE}/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  cancel: (id: string, expectedVersion: number, reason: string) =>
    api<Changed>(`${BASE}/${encodeURIComponent(id)}/cancel`, {
      method: 'POST',
      body: { expectedVersion, reason },
    }),
  record: (id: string, input: RecordInput) =>
    api<Changed>(`${BASE}/${encodeURIComponent(id)}/record`, { method: 'POST', body: input }),
  minutes: (id: string) => apiResponse(`${BASE}/${encodeURIComponent(id)}/minutes.docx`),
  decisions: (query: {
    mine?: boolean;
    status?: DecisionStatus[];
    flag?: string[];
    meetingId?: string;
    cursor?: string | null;
    limit?: number;
  }) => api<Page<Decision>>(`${BASE}/decisions`, { query: { limit: 20, ...query } }),
  decision: (id: string) => api<Decision>(`${BASE}/decisions/${encodeURIComponent(id)}`),
  report: (id: string, body: { expectedVersion: number; progress: DecisionProgress; report: string }) =>
    api<Changed>(`${BASE}/decisions/${encodeURIComponent(id)}/reports`, { method: 'POST', body }),
  close: (
    id: string,
    body: { expectedVersion: number; outcome: DecisionOutcome; note: string; meetingId?: string },
  ) => api<Changed>(`${BASE}/decisions/${encodeURIComponent(id)}/close`, { method: 'POST', body }),
};

/**
 * The file name a download should get: RFC 6266's filename* (UTF-8, the Chinese name) wins over the
 * plain ASCII fallback that comes first in the header.
 */
export function downloadName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* malformed: the plain name below */
    }
  }
  return /filename\s*=\s*"?([^";]+)/i.exec(disposition)?.[1];
}

/** Saves an answer fetched with the bearer token under the name the server gave it. */
export async function saveFile(res: Response, fallback: string): Promise<void> {
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = downloadName(res.headers.get('content-disposition')) ?? fallback;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Every page of a cursor-paged list, up to `max` rows (a ticket page's decisions, a form's choices). */
export async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  max = 500,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && out.length < max);
  return out;
}
