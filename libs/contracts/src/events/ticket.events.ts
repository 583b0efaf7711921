import { CategoryCode, CloseOutcome, Satisfaction, TicketStatus, Urgency } from '../ticketing';

/**
 * Events of the ticket aggregate, on topic ticketing.ticket.v1, keyed by ticket id.
 * Each carries the state its consumers need (event-carried state transfer), and every one
 * carries `status` (the status after the event) and `leadDepartmentId` where there is one.
 */
export const TicketEvents = {
  submitted: 'ticket.submitted',
  triageQueued: 'ticket.triage-queued',
  assigned: 'ticket.assigned',
  withdrawn: 'ticket.withdrawn',
  acknowledged: 'ticket.acknowledged',
  transferRequested: 'ticket.transfer-requested',
  transferRejected: 'ticket.transfer-rejected',
  interimReplied: 'ticket.interim-replied',
  extensionRequested: 'ticket.extension-requested',
  extensionDecided: 'ticket.extension-decided',
  partReported: 'ticket.part-reported',
  resolved: 'ticket.resolved',
  replied: 'ticket.replied',
  feedbackGiven: 'ticket.feedback-given',
  reopened: 'ticket.reopened',
  closed: 'ticket.closed',
  supervised: 'ticket.supervised',
} as const;
export type TicketEventType = (typeof TicketEvents)[keyof typeof TicketEvents];

export interface TicketEventBase {
  ticketId: string;
  /** Human-facing number, e.g. CS-2026-000123. */
  number: string;
  status: TicketStatus;
  enterpriseId: string;
  category: CategoryCode | string;
  urgency: Urgency;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
}

export interface AttachmentRef {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface TicketSubmittedPayload extends TicketEventBase {
  enterpriseName: string;
  submittedBy: { id: string; role: 'enterprise' | 'instructor' };
  title: string;
  description: string;
  location: string | null;
  contact: { name: string; phone: string };
  attachments: AttachmentRef[];
  submittedAt: string;
}

export interface TicketAssignedPayload extends TicketEventBase {
  /** rule: by a routing rule; manual: by the committee's triage desk; transfer: an approved transfer. */
  via: 'rule' | 'manual' | 'transfer' | 'reopen';
  ruleId: string | null;
  previousLeadDepartmentId: string | null;
  /** The first department that received the ticket; keeps its record through transfers (首办负责制). */
  firstHandlerDepartmentId: string;
}

export interface TicketReasonPayload extends TicketEventBase {
  departmentId: string | null;
  reason: string;
}

export interface TicketExtensionRequestedPayload extends TicketEventBase {
  departmentId: string;
  reason: string;
  proposedDueAt: string;
}

export interface TicketExtensionDecidedPayload extends TicketEventBase {
  approved: boolean;
  /** When approved: the new resolution deadline. */
  newDueAt: string | null;
  note: string | null;
}

export interface TicketPartReportedPayload extends TicketEventBase {
  departmentId: string;
  content: string;
}

export interface TicketResolvedPayload extends TicketEventBase {
  departmentId: string;
  result: string;
  evidence: AttachmentRef[];
}

export interface TicketRepliedPayload extends TicketEventBase {
  departmentId: string;
  message: string;
}

export interface TicketFeedbackPayload extends TicketEventBase {
  contacted: boolean;
  solved: boolean;
  satisfaction: Satisfaction;
  comment: string | null;
}

export interface TicketReopenedPayload extends TicketEventBase {
  reason: string;
  reopenCount: number;
}

export interface TicketClosedPayload extends TicketEventBase {
  outcome: CloseOutcome;
  satisfaction: Satisfaction | null;
  solved: boolean | null;
}

export interface TicketSupervisedPayload extends TicketEventBase {
  level: 'urge' | 'supervise' | 'joint_meeting';
  note: string;
}
