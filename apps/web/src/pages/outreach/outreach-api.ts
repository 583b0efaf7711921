/**
 * The outreach service (走访, 任务清单, 需求清单, 工作日志, 联系人, 对比) and the ledger's instructor
 * scores (量化积分) as the web app reads them: the shapes of apps/outreach's response DTOs and of the
 * ledger's instructor queries. The codes are the API's; their words are in the i18n files.
 */
export const OUTREACH = '/api/v1/outreach';
export const LEDGER_INSTRUCTORS = '/api/v1/ledger/instructors';

export const VisitModes = ['on_site', 'phone', 'online'] as const;
export type VisitMode = (typeof VisitModes)[number];
export const NeedKinds = ['project_application', 'hiring', 'financing', 'matching', 'other'] as const;
export type NeedKind = (typeof NeedKinds)[number];
export const NeedStatuses = ['open', 'in_progress', 'met', 'closed'] as const;
export type NeedStatus = (typeof NeedStatuses)[number];
/** Work-log kinds an instructor writes by hand (visits fill the log by themselves). */
export const ManualWorkKinds = ['meeting', 'activity', 'training', 'paperwork', 'other'] as const;
export type WorkKind = 'visit' | (typeof ManualWorkKinds)[number];
export const TaskTopicKinds = ['policy', 'follow_up', 'other'] as const;
export type TaskTopicKind = (typeof TaskTopicKinds)[number];
export type TaskReason = 'key_enterprise' | 'due' | 'added';

/** The API's rule for phones (outreach-http.ts CN_PHONE), so a form says no before the server does. */
export const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/;

/** Limits of the outreach DTOs, checked in the forms with the same numbers. */
export const LIMITS = {
  title: 100,
  problemDescription: 4000,
  needDescription: 2000,
  findings: 4000,
  topic: 200,
  topics: 20,
  companion: 50,
  companions: 10,
  contactName: 50,
  location: 200,
  photos: 20,
  problems: 20,
  needs: 20,
  photoBytes: 10 * 1024 * 1024,
  workContent: 2000,
  note: 1000,
  leaderName: 50,
  leaderTitle: 50,
  taskTopics: 10,
  instructors: 5,
} as const;

export interface OutreachEnterprise {
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  gridName: string | null;
  keyEnterprise: boolean;
  instructors: { id: string; name: string | null }[];
  leader: { name: string; title: string | null; phone: string | null; userId: string | null } | null;
  department: {
    id: string;
    name: string | null;
    contactName: string | null;
    contactPhone: string | null;
  } | null;
  version: number;
  updatedAt: string | null;
}

export interface TaskTopic {
  kind: TaskTopicKind;
  text: string;
}

export interface PlannedVisit {
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  reason: TaskReason;
  topics: TaskTopic[];
}

export interface TaskList {
  id: string;
  instructorUserId: string;
  instructorName: string;
  month: string;
  status: 'draft' | 'published';
  items: PlannedVisit[];
  revision: number;
  version: number;
  publishedAt: string | null;
  updatedAt: string;
}

export interface VisitTicket {
  id: string;
  number: string;
  status: string | null;
  solved: boolean | null;
  satisfaction: string | null;
}

export interface VisitProblemView {
  index: number;
  title: string;
  description: string;
  category: string;
  urgency: string;
  contact: { name: string; phone: string };
  location: string | null;
  photoIds: string[];
  ticket: VisitTicket | null;
}

export interface VisitPhotoRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
}

export interface Visit {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  instructor: { id: string; name: string };
  companions: string[];
  visitedAt: string;
  month: string;
  mode: VisitMode;
  topics: string[];
  /** Internal notes: null for the enterprise. */
  findings: string | null;
  photos: VisitPhotoRef[];
  problems: VisitProblemView[];
  needIds: string[];
  planned: boolean;
  taskListId: string | null;
  version: number;
  recordedAt: string;
}

export interface VisitSummary {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  instructor: { id: string; name: string };
  visitedAt: string;
  month: string;
  mode: VisitMode;
  planned: boolean;
  problemCount: number;
  ticketCount: number;
  needCount: number;
}

export interface VisitRecorded {
  id: string;
  enterpriseId: string;
  month: string;
  planned: boolean;
  taskListId: string | null;
  problemCount: number;
  needIds: string[];
  version: number;
}

export interface VisitPhoto {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface Need {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  kind: NeedKind;
  title: string;
  description: string;
  status: NeedStatus;
  ownerDepartment: { id: string; name: string | null } | null;
  ownerUserId: string | null;
  ticket: { id: string; number: string | null; status: string | null } | null;
  visitId: string | null;
  instructorUserId: string | null;
  createdBy: { id: string; role: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface WorkLogLine {
  id: string;
  instructorUserId: string;
  day: string;
  kind: WorkKind;
  title: string;
  content: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  hours: number | null;
  at: string;
}

export interface EnterpriseLine {
  enterpriseId: string;
  enterpriseName: string;
  planned: boolean;
  visits: number;
  lastVisitedAt: string | null;
  problems: number;
}

export interface PlanVsDone {
  instructorUserId: string;
  instructorName: string;
  month: string;
  planned: number;
  visitedPlanned: number;
  notVisited: number;
  visitedUnplanned: number;
  enterprisesVisited: number;
  visits: number;
  problems: number;
  tickets: number;
  solved: number;
  rated: number;
  completionRate: number | null;
  enterprises: EnterpriseLine[];
}

export interface InstructorFigures {
  planned: number;
  visitedPlanned: number;
  notVisited: number;
  visitedUnplanned: number;
  completionRate: number | null;
  visits: number;
  problems: number;
  tickets: number;
  solved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  satisfactionRate: number | null;
  activities: number;
}

export interface InstructorPoints {
  plan: number;
  problems: number;
  solved: number;
  satisfaction: number;
  activities: number;
}

export interface RankingRow {
  rank: number;
  instructorUserId: string;
  name: string;
  score: number;
  points: InstructorPoints;
  figures: InstructorFigures;
}

export interface InstructorRanking {
  period: string;
  months: string[];
  formula: { zh: string; en: string };
  weights: Record<string, number>;
  rows: RankingRow[];
}

export interface ExplainedMonth {
  month: string;
  figures: InstructorFigures;
  plan: { enterpriseId: string; enterpriseName: string; visited: boolean }[];
  visitedUnplanned: { enterpriseId: string; enterpriseName: string }[];
  visits: {
    visitId: string;
    enterpriseId: string;
    enterpriseName: string;
    visitedAt: string;
    mode: string;
    planned: boolean;
    problems: number;
  }[];
  tickets: {
    visitId: string;
    ticketId: string;
    number: string;
    title: string | null;
    solved: boolean | null;
    satisfaction: string | null;
  }[];
  activities: { entryId: string; day: string; title: string }[];
}

export interface InstructorExplained {
  instructorUserId: string;
  name: string;
  period: string;
  rank: number | null;
  of: number;
  score: number;
  points: InstructorPoints;
  figures: InstructorFigures;
  formula: { zh: string; en: string };
  months: ExplainedMonth[];
}

/** Every page of a cursor-paged outreach list (they are a zone's size: a few hundred rows at most). */
export async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  max = 20,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < max; n++) {
    const page: { items: T[]; nextCursor: string | null } = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}
