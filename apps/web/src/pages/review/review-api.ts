import { api, apiResponse } from '../../api/client';
import type { Counters, RateKey, Rates } from '../../shared/ledger-figures';

/** A rate with what it is made of: the numerator (weighted, for satisfaction) over the denominator. */
export interface RatePart {
  numerator: number;
  denominator: number;
  value: number | null;
}

export interface ReviewDepartment {
  rank: number;
  departmentId: string;
  name: string;
  score: number | null;
  rankingScore: number | null;
  received: number;
  counters: Counters;
  rates: Rates;
  parts: Record<RateKey, RatePart>;
}

export interface ReviewTicket {
  ticketId: string;
  number: string;
  title: string;
  enterpriseName: string;
  departmentId: string;
  departmentName: string;
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

export interface ReviewMeeting {
  meetingId: string;
  title: string | null;
  heldAt: string | null;
  place: string | null;
  summary: string | null;
  decisions: {
    decisionId: string;
    title: string | null;
    task: string | null;
    leadDepartmentId: string | null;
    leadDepartmentName: string;
    dueAt: string | null;
    breached: boolean | null;
    cooperation: boolean;
    progress: string | null;
    lastReport: string | null;
    outcome: string | null;
  }[];
}

export interface ReviewInstructor {
  rank: number;
  instructorUserId: string;
  name: string;
  score: number;
  figures: {
    planned: number;
    visitedPlanned: number;
    completionRate: number | null;
    visits: number;
    problems: number;
    tickets: number;
    solved: number;
    rated: number;
    satisfactionRate: number | null;
    activities: number;
  };
}

/** 季度督查 / 年度考评 as the ledger answers it (GET /api/v1/ledger/reports/review). */
export interface ReviewReport {
  period: string;
  kind: 'quarter' | 'year';
  title: string;
  from: string;
  to: string;
  months: string[];
  departmentId: string | null;
  generatedAt: string;
  satisfactionWeight: number;
  formula: { ranking: string; evaluation: string | null; instructors: string | null; attribution: string };
  evaluationWeights: Record<string, number> | null;
  totals: {
    counters: Counters;
    rates: Rates;
    parts: Record<RateKey, RatePart>;
    feedback: string;
    triageRate: number | null;
  };
  channels: { channel: string; name: string; received: number }[];
  departments: ReviewDepartment[];
  instructors: ReviewInstructor[] | null;
  overdue: { total: number; tickets: ReviewTicket[] };
  reopened: { total: number; tickets: ReviewTicket[] };
  supervised: { total: number; tickets: ReviewTicket[] };
  meetings: {
    counts: { held: number; decided: number; solved: number; cooperations: number };
    held: ReviewMeeting[];
  };
}

export interface BulletinSummary {
  bulletinId: string;
  periodKind: 'month' | 'quarter' | 'year';
  period: string;
  title: string;
  summary: string;
  publishedAt: string;
  publishedBy: { id: string; name: string };
  departments?: number;
  overdueTotal: number;
}

export interface Bulletin extends BulletinSummary {
  formula: string;
  ranking: {
    rank: number;
    departmentId: string;
    departmentName: string;
    score: number | null;
    received: number;
  }[];
  overdue: {
    ticketId: string;
    number: string;
    title: string;
    enterpriseName: string;
    departmentId: string;
    departmentName: string;
    clock: string;
    dueAt: string;
    doneAt: string | null;
  }[];
  departmentIds: string[];
}

const REVIEW = '/api/v1/ledger/reports/review';
const BULLETINS = '/api/v1/ledger/bulletins';

export const reviewApi = {
  review: (period: string, departmentId?: string) =>
    api<ReviewReport>(REVIEW, { query: { period, departmentId } }),
  reviewFile: (period: string, format: 'xlsx' | 'pdf', departmentId?: string) =>
    apiResponse(`${REVIEW}.${format}`, { query: { period, departmentId } }),
  bulletins: (before?: string | null) =>
    api<{ items: BulletinSummary[]; nextCursor: string | null }>(BULLETINS, {
      query: { limit: 20, before: before ?? undefined },
    }),
  bulletin: (id: string) => api<Bulletin>(`${BULLETINS}/${encodeURIComponent(id)}`),
  bulletinFile: (id: string, format: 'xlsx' | 'pdf') =>
    apiResponse(`${BULLETINS}/${encodeURIComponent(id)}/${format}`),
  publish: (period: string) => api<Bulletin>(BULLETINS, { method: 'POST', body: { period } }),
};

/** The quarter a day falls in, as the ledger names it: 2026-Q4. */
export const quarterOf = (d = new Date()): string =>
  `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;

/** 0–1 → "83.1" (the dashboard's 0–100 with one decimal). */
export const score100 = (v: number | null | undefined): string =>
  v === null || v === undefined ? '—' : (v * 100).toFixed(1);
