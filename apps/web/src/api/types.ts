export type Role = 'enterprise' | 'instructor' | 'department' | 'committee' | 'admin';
export const TicketStatuses = [
  'submitted',
  'triage',
  'assigned',
  'in_progress',
  'transfer_requested',
  'resolved',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type TicketStatus = (typeof TicketStatuses)[number];
export const Urgencies = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof Urgencies)[number];
export const Satisfactions = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof Satisfactions)[number];
export type Flag = 'yellow' | 'red' | null;

export interface FieldError {
  field: string;
  messages: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Category {
  code: string;
  zh: string;
  en: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface TicketSummary {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
  title: string;
  category: string;
  urgency: Urgency;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  submittedAt: string;
  updatedAt: string;
  dueAt: string | null;
  dueKind: 'triage' | 'respond' | 'resolve' | 'feedback' | null;
  flag: Flag;
  /** 受理渠道: web, visit (来自走访) … */
  channel?: string;
  /** channel visit: the visit it was raised in. */
  visitId?: string | null;
  /** 承办人 in the lead department, once named. */
  handler?: { userId: string; name: string } | null;
  /** Waiting for the enterprise's answer to a department's question (补充材料). */
  awaitingInformation?: boolean;
  /** 待回访: the enterprise let its rating window lapse. */
  awaitingCallback?: boolean;
}

export interface DepartmentRef {
  id: string;
  name: string | null;
}

export interface TimelineStep {
  version: number;
  action: string;
  eventType: string;
  actor: { id: string; role: string };
  reason: string | null;
  statusFrom: string | null;
  statusTo: string;
  occurredAt: string;
  details: Record<string, unknown>;
}

export interface TicketDetail {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  submittedBy: { id: string; role: string };
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: Attachment[];
  leadDepartment: DepartmentRef | null;
  firstHandlerDepartmentId: string | null;
  parts: {
    department: DepartmentRef;
    role: 'lead' | 'co_handler';
    content: string | null;
    reportedAt: string | null;
  }[];
  resolution: { departmentId: string; result: string; evidence: Attachment[]; resolvedAt: string } | null;
  pendingExtension: {
    departmentId: string;
    reason: string;
    proposedDueAt: string;
    requestedAt: string;
  } | null;
  feedback: {
    contacted: boolean;
    solved: boolean;
    satisfaction: Satisfaction;
    comment: string | null;
    givenAt: string;
  } | null;
  repliedThisRound: boolean;
  reopenCount: number;
  closeOutcome: string | null;
  deadlines: {
    triage: string | null;
    respond: string | null;
    resolve: string | null;
    reply: string | null;
    feedback: string | null;
    flags: Record<string, 'yellow' | 'red'>;
    flag: Flag;
  };
  submittedAt: string;
  updatedAt: string;
  closedAt: string | null;
  timeline: TimelineStep[];
  channel?: string;
  visitId?: string | null;
}

export interface TicketChanged {
  id: string;
  number: string;
  status: TicketStatus;
  version: number;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

export interface Enterprise {
  id: string;
  name: string;
  creditCode: string;
  industry: string | null;
  address: string | null;
  gridId: string | null;
  contacts: { name: string; phone: string | null; email: string | null }[];
  active: boolean;
  version: number;
}

export interface Department {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  active: boolean;
  version: number;
}

export interface Grid {
  id: string;
  code: string;
  name: string;
  instructorUserIds: string[];
  version: number;
}

/** An enterprise's choice about SMS to its contact phone (notify's /sms-preference): on until turned off. */
export interface SmsPreference {
  enabled: boolean;
  /** 0 while never set; sent back as expectedVersion. */
  version: number;
  updatedAt: string | null;
}
