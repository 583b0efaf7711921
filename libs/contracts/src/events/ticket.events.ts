import { IsOptional } from 'class-validator';
import { CategoryCode, CloseOutcomes, Satisfactions, TicketStatuses, Urgencies } from '../ticketing';
import type { CloseOutcome, Satisfaction, TicketStatus, Urgency } from '../ticketing';
import { Count, Flag, Id, Ids, Instant, Nested, NestedList, OneOf, optional, Text } from './payload-rules';

/**
 * Events of the ticket aggregate, on topic ticketing.ticket.v1, keyed by ticket id.
 * Each carries the state its consumers need (event-carried state transfer), and every one
 * carries `status` (the status after the event) and `leadDepartmentId` where there is one.
 * The payload classes are both the type and the check a consumer applies on receipt.
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
  informationRequested: 'ticket.information-requested',
  informationProvided: 'ticket.information-provided',
  messagePosted: 'ticket.message-posted',
  noteAdded: 'ticket.note-added',
  handlerAssigned: 'ticket.handler-assigned',
  merged: 'ticket.merged',
  duplicateAttached: 'ticket.duplicate-attached',
  linked: 'ticket.linked',
} as const;
export type TicketEventType = (typeof TicketEvents)[keyof typeof TicketEvents];

export class TicketEventBase {
  @Id() ticketId!: string;
  /** Human-facing number, e.g. CS-2026-000123. */
  @Text() number!: string;
  @OneOf(TicketStatuses) status!: TicketStatus;
  @Id() enterpriseId!: string;
  @Text() category!: CategoryCode | string;
  @OneOf(Urgencies) urgency!: Urgency;
  @Id(optional) gridId!: string | null;
  @Id(optional) leadDepartmentId!: string | null;
  @Ids() coHandlerDepartmentIds!: string[];
  /**
   * Present while the ticket follows a main one it was merged into (a duplicate): its answers are
   * the main ticket's, so the published formulas count the pair once where they say so.
   */
  @Id(optional) followsTicketId?: string | null;
}

export class AttachmentRef {
  @Id() id!: string;
  @Text() fileName!: string;
  @Text() contentType!: string;
  @Count() size!: number;
  @Text() sha256!: string;
}

export class SubmitterRef {
  @Id() id!: string;
  /** committee: staff logging a phone call, a walk-in, a group-chat message or a letter for the enterprise. */
  @OneOf(['enterprise', 'instructor', 'committee']) role!: 'enterprise' | 'instructor' | 'committee';
}

export class ContactRef {
  @Text() name!: string;
  @Text() phone!: string;
}

/** 受理渠道: where a ticket came in. Events before channels were recorded carry none (read: web). */
export const TicketChannels = ['web', 'visit', 'phone', 'walk_in', 'group_chat', 'letter'] as const;
export type TicketChannel = (typeof TicketChannels)[number];

export class TicketSubmittedPayload extends TicketEventBase {
  @Text() enterpriseName!: string;
  @Nested(SubmitterRef) submittedBy!: SubmitterRef;
  @Text() title!: string;
  @Text() description!: string;
  @Text(optional) location!: string | null;
  @Nested(ContactRef) contact!: ContactRef;
  @NestedList(AttachmentRef) attachments!: AttachmentRef[];
  @Instant() submittedAt!: string;
  @OneOf(TicketChannels, optional) channel?: TicketChannel;
  /** Channel `visit`: the instructor's visit (走访) it was raised in, and which problem of it. */
  @Id(optional) visitId?: string | null;
  @Count(optional) visitProblemIndex?: number | null;
}

export class TicketAssignedPayload extends TicketEventBase {
  /** rule: by a routing rule; manual: by the committee's triage desk; transfer: an approved transfer. */
  @OneOf(['rule', 'manual', 'transfer', 'reopen']) via!: 'rule' | 'manual' | 'transfer' | 'reopen';
  @Id(optional) ruleId!: string | null;
  @Id(optional) previousLeadDepartmentId!: string | null;
  /** The first department that received the ticket; keeps its record through transfers (首办负责制). */
  @Id() firstHandlerDepartmentId!: string;
}

/** Withdrawn, acknowledged, triage-queued, transfer requested or rejected, interim reply. */
export class TicketReasonPayload extends TicketEventBase {
  @Id(optional) departmentId!: string | null;
  @Text() reason!: string;
}

export class TicketExtensionRequestedPayload extends TicketEventBase {
  @Id() departmentId!: string;
  @Text() reason!: string;
  @Instant() proposedDueAt!: string;
}

export class TicketExtensionDecidedPayload extends TicketEventBase {
  @Flag() approved!: boolean;
  /** When approved: the new resolution deadline. */
  @Instant(optional) newDueAt!: string | null;
  @Text(optional) note!: string | null;
}

export class TicketPartReportedPayload extends TicketEventBase {
  @Id() departmentId!: string;
  @Text() content!: string;
}

export class TicketResolvedPayload extends TicketEventBase {
  @Id() departmentId!: string;
  @Text() result!: string;
  @NestedList(AttachmentRef) evidence!: AttachmentRef[];
}

export class TicketRepliedPayload extends TicketEventBase {
  @Id() departmentId!: string;
  @Text() message!: string;
}

/** Who gave the feedback: the enterprise itself, or the committee recording its answers on a callback (回访). */
export const FeedbackSources = ['enterprise', 'callback'] as const;
export type FeedbackSource = (typeof FeedbackSources)[number];

export class TicketFeedbackPayload extends TicketEventBase {
  /** Absent on events before callbacks existed: the enterprise. */
  @OneOf(FeedbackSources, optional) via?: FeedbackSource;
  @Flag() contacted!: boolean;
  @Flag() solved!: boolean;
  @OneOf(Satisfactions) satisfaction!: Satisfaction;
  @Text(optional) comment!: string | null;
}

export class TicketReopenedPayload extends TicketEventBase {
  @Text() reason!: string;
  @Count() reopenCount!: number;
}

export class TicketClosedPayload extends TicketEventBase {
  @OneOf(CloseOutcomes) outcome!: CloseOutcome;
  @OneOf(Satisfactions, optional) satisfaction!: Satisfaction | null;
  @Flag(optional) solved!: boolean | null;
}

export class TicketSupervisedPayload extends TicketEventBase {
  @OneOf(['urge', 'supervise', 'joint_meeting']) level!: 'urge' | 'supervise' | 'joint_meeting';
  @Text() note!: string;
}

/**
 * 补充材料: a department asks the enterprise for facts or documents. Where the SLA policy says so,
 * the resolution clock pauses until the enterprise answers (ticket.information-provided).
 */
export class TicketInformationRequestedPayload extends TicketEventBase {
  @Id() requestId!: string;
  @Id() departmentId!: string;
  @Text() question!: string;
}

export class TicketInformationProvidedPayload extends TicketEventBase {
  @Id() requestId!: string;
  @Text() answer!: string;
  @NestedList(AttachmentRef) attachments!: AttachmentRef[];
}

export const MessageAuthors = ['enterprise', 'department', 'committee', 'instructor'] as const;
export type MessageAuthor = (typeof MessageAuthors)[number];

/** A message on the ticket that the enterprise and its handlers both read (not a reply, not a request). */
export class TicketMessagePostedPayload extends TicketEventBase {
  @Id() messageId!: string;
  @OneOf(MessageAuthors) author!: MessageAuthor;
  @Id(optional) departmentId!: string | null;
  @Text() text!: string;
  @NestedList(AttachmentRef) attachments!: AttachmentRef[];
}

/**
 * 内部备注: a note only departments and the committee read. It is chained in the ledger like every
 * step, and never reaches the enterprise: no notification, export, file, search hit or stream an
 * enterprise sees carries its text.
 */
export class TicketNoteAddedPayload extends TicketEventBase {
  @Id() noteId!: string;
  @Id(optional) departmentId!: string | null;
  @Text() text!: string;
  /** Files kept with the note, as internal as its text. Absent: none. */
  @IsOptional() @NestedList(AttachmentRef) attachments?: AttachmentRef[];
}

/** 承办人: the lead department names the person inside it who works the ticket. */
export class TicketHandlerAssignedPayload extends TicketEventBase {
  @Id() departmentId!: string;
  @Id(optional) handlerUserId!: string | null;
  @Text(optional) handlerName!: string | null;
}

/**
 * The committee merged this ticket into a main one (duplicates): it follows the main ticket from now
 * on (its answers reach this ticket's enterprise too; the enterprise still rates), and the published
 * formulas count the pair once where they say so.
 */
export class TicketMergedPayload extends TicketEventBase {
  @Id() mainTicketId!: string;
  @Text() mainTicketNumber!: string;
  @Text() reason!: string;
}

/** On the main ticket: a duplicate now follows it. */
export class TicketDuplicateAttachedPayload extends TicketEventBase {
  @Id() duplicateTicketId!: string;
  @Text() duplicateTicketNumber!: string;
  @Id() duplicateEnterpriseId!: string;
}

/** Related tickets (one incident reported by several enterprises): each keeps its own course. */
export class TicketLinkedPayload extends TicketEventBase {
  @Ids() relatedTicketIds!: string[];
  @Text() reason!: string;
}

/** The payload class of each ticket event. */
export const TicketEventPayloads = {
  [TicketEvents.submitted]: TicketSubmittedPayload,
  [TicketEvents.triageQueued]: TicketReasonPayload,
  [TicketEvents.assigned]: TicketAssignedPayload,
  [TicketEvents.withdrawn]: TicketReasonPayload,
  [TicketEvents.acknowledged]: TicketReasonPayload,
  [TicketEvents.transferRequested]: TicketReasonPayload,
  [TicketEvents.transferRejected]: TicketReasonPayload,
  [TicketEvents.interimReplied]: TicketReasonPayload,
  [TicketEvents.extensionRequested]: TicketExtensionRequestedPayload,
  [TicketEvents.extensionDecided]: TicketExtensionDecidedPayload,
  [TicketEvents.partReported]: TicketPartReportedPayload,
  [TicketEvents.resolved]: TicketResolvedPayload,
  [TicketEvents.replied]: TicketRepliedPayload,
  [TicketEvents.feedbackGiven]: TicketFeedbackPayload,
  [TicketEvents.reopened]: TicketReopenedPayload,
  [TicketEvents.closed]: TicketClosedPayload,
  [TicketEvents.supervised]: TicketSupervisedPayload,
  [TicketEvents.informationRequested]: TicketInformationRequestedPayload,
  [TicketEvents.informationProvided]: TicketInformationProvidedPayload,
  [TicketEvents.messagePosted]: TicketMessagePostedPayload,
  [TicketEvents.noteAdded]: TicketNoteAddedPayload,
  [TicketEvents.handlerAssigned]: TicketHandlerAssignedPayload,
  [TicketEvents.merged]: TicketMergedPayload,
  [TicketEvents.duplicateAttached]: TicketDuplicateAttachedPayload,
  [TicketEvents.linked]: TicketLinkedPayload,
} as const;
