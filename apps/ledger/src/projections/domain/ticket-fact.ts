/** What the ledger knows about one ticket, folded from its entries in seq order. */
export interface TicketFact {
  ticketId: string;
  number: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  title: string | null;
  description: string | null;
  category: string;
  urgency: string | null;
  gridId: string;
  /** YYYY-MM (Asia/Shanghai) of submission, or of the first entry seen when submission is unknown. */
  month: string;
  status: string | null;
  /** The current lead (承办部门); '' while there is none. */
  departmentId: string;
  firstHandlerDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  firstSeenAt: string;
  submittedAt: string | null;
  assignedAt: string | null;
  acknowledgedAt: string | null;
  respondDueAt: string | null;
  resolveDueAt: string | null;
  originalResolveDueAt: string | null;
  resolveBreached: boolean;
  replyDueAt: string | null;
  replyBreached: boolean;
  extensionCount: number;
  resolvedAt: string | null;
  lastResolvedAt: string | null;
  result: string | null;
  repliedAt: string | null;
  replyMessage: string | null;
  feedbackAt: string | null;
  feedbackCount: number;
  contacted: boolean | null;
  solved: boolean | null;
  satisfaction: string | null;
  feedbackComment: string | null;
  reopenCount: number;
  transferCount: number;
  transferRequestCount: number;
  closedAt: string | null;
  closeOutcome: string | null;
  withdrawnAt: string | null;
  respondAlert: AlertLevel | null;
  resolveAlert: AlertLevel | null;
  replyAlert: AlertLevel | null;
  alertLevel: AlertLevel | null;
  superviseLevel: string | null;
  jointMeetingAt: string | null;
  jointMeetingReason: string | null;
  /** 受理渠道 (web, visit, phone, walk_in, group_chat, letter); web for submissions before channels. */
  channel: string | null;
  /** Who submitted: the enterprise, an instructor (visit) or the committee (phone, walk-in …). */
  submittedByRole: string | null;
  visitId: string | null;
  /** The main ticket this one was merged into as a duplicate: the formulas count the pair once. */
  mergedInto: string | null;
  mergedAt: string | null;
  /** 承办人: the person of the lead department who works it (the latest named). */
  handlerUserId: string | null;
  handlerName: string | null;
  /** Who gave the latest feedback: the enterprise, or the committee on a callback (回访). */
  feedbackVia: string | null;
  /** The committee's own clock (分派时限): its deadline and how it stopped (met, breached, cancelled …). */
  triageDueAt: string | null;
  triageStoppedAt: string | null;
  triageOutcome: string | null;
  /** 评价时限: the enterprise's window to rate a resolved ticket. */
  feedbackDueAt: string | null;
  lastSeq: number;
  lastEventAt: string;
  stints: Stint[];
}

export type AlertLevel = 'yellow' | 'red';

/** One period of a department as the ticket's lead. */
export interface Stint {
  stint: number;
  departmentId: string;
  via: string | null;
  assignedAt: string;
  acknowledgedAt: string | null;
  respondDueAt: string | null;
  respondBreached: boolean;
  endedAt: string | null;
  endedBy: 'transfer' | 'reassigned' | null;
}

/** The part of a ledger entry the projections read. */
export interface ProjectedEntry {
  seq: number;
  type: string;
  topic: string;
  occurredAt: string;
  payload: Record<string, unknown>;
  ticketId: string | null;
}

const SHANGHAI_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
});

/** The calendar month in China of an instant, as YYYY-MM. */
export function shanghaiMonth(iso: string): string {
  const parts = SHANGHAI_MONTH.formatToParts(new Date(iso));
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

export function emptyFact(ticketId: string, entry: ProjectedEntry): TicketFact {
  return {
    ticketId,
    number: null,
    enterpriseId: null,
    enterpriseName: null,
    title: null,
    description: null,
    category: '',
    urgency: null,
    gridId: '',
    month: shanghaiMonth(entry.occurredAt),
    status: null,
    departmentId: '',
    firstHandlerDepartmentId: null,
    coHandlerDepartmentIds: [],
    firstSeenAt: entry.occurredAt,
    submittedAt: null,
    assignedAt: null,
    acknowledgedAt: null,
    respondDueAt: null,
    resolveDueAt: null,
    originalResolveDueAt: null,
    resolveBreached: false,
    replyDueAt: null,
    replyBreached: false,
    extensionCount: 0,
    resolvedAt: null,
    lastResolvedAt: null,
    result: null,
    repliedAt: null,
    replyMessage: null,
    feedbackAt: null,
    feedbackCount: 0,
    contacted: null,
    solved: null,
    satisfaction: null,
    feedbackComment: null,
    reopenCount: 0,
    transferCount: 0,
    transferRequestCount: 0,
    closedAt: null,
    closeOutcome: null,
    withdrawnAt: null,
    respondAlert: null,
    resolveAlert: null,
    replyAlert: null,
    alertLevel: null,
    superviseLevel: null,
    jointMeetingAt: null,
    jointMeetingReason: null,
    channel: null,
    submittedByRole: null,
    visitId: null,
    mergedInto: null,
    mergedAt: null,
    handlerUserId: null,
    handlerName: null,
    feedbackVia: null,
    triageDueAt: null,
    triageStoppedAt: null,
    triageOutcome: null,
    feedbackDueAt: null,
    lastSeq: entry.seq,
    lastEventAt: entry.occurredAt,
    stints: [],
  };
}
