import {
  Count,
  Flag,
  Id,
  Ids,
  Instant,
  Nested,
  NestedList,
  OneOf,
  optional,
  Text,
  Texts,
} from './payload-rules';

/**
 * Events of the joint meetings (联席会议) and their decisions (议定事项), on topic
 * ticketing.meeting.v1. Meeting events are keyed by the meeting id; decision events by the
 * decision id, so one decision's events (and its SLA clock, which is keyed the same way) stay in
 * order. A decision is tracked work like a ticket: a lead department, co-handlers, a task and a
 * deadline in working days; the SLA engine runs its clock (timer kind `decision`).
 */
export const MeetingEvents = {
  scheduled: 'meeting.scheduled',
  updated: 'meeting.updated',
  cancelled: 'meeting.cancelled',
  held: 'meeting.held',
  decisionMade: 'meeting.decision-made',
  decisionReported: 'meeting.decision-reported',
  decisionClosed: 'meeting.decision-closed',
} as const;
export type MeetingEventType = (typeof MeetingEvents)[keyof typeof MeetingEvents];

/** Where an agenda item came from: the escalation ladder (sla.escalated / ticket.supervised at joint_meeting), or the committee by hand. */
export const AgendaSources = ['escalation', 'manual', 'follow_up'] as const;
export type AgendaSource = (typeof AgendaSources)[number];

/** What an agenda item is about: a ticket, an enterprise's need (需求清单), an earlier decision to report on, or a topic. */
export const AgendaItemKinds = ['ticket', 'need', 'decision', 'topic'] as const;
export type AgendaItemKind = (typeof AgendaItemKinds)[number];

export class AgendaItemRef {
  @Id() itemId!: string;
  @OneOf(AgendaItemKinds) kind!: AgendaItemKind;
  @OneOf(AgendaSources) source!: AgendaSource;
  @Text() title!: string;
  @Id(optional) ticketId!: string | null;
  @Text(optional) ticketNumber!: string | null;
  @Id(optional) needId!: string | null;
  /** For a follow-up item: the earlier decision whose outcome is reported. */
  @Id(optional) decisionId!: string | null;
  @Id(optional) enterpriseId!: string | null;
}

class MeetingState {
  @Id() meetingId!: string;
  @Text() title!: string;
  @Instant() startsAt!: string;
  @Text() place!: string;
  @Id() convenorId!: string;
  @Text() convenorName!: string;
  @NestedList(AgendaItemRef) agenda!: AgendaItemRef[];
  @Ids() invitedDepartmentIds!: string[];
  @Ids() invitedEnterpriseIds!: string[];
}

/** A meeting was put on the calendar; the invited departments and enterprises are told. */
export class MeetingScheduledPayload extends MeetingState {}

/** Its time, place, agenda or invitations changed before it was held. */
export class MeetingUpdatedPayload extends MeetingState {}

export class MeetingCancelledPayload {
  @Id() meetingId!: string;
  @Text() reason!: string;
}

export class AttendanceRef {
  @Ids() departmentIds!: string[];
  @Ids() enterpriseIds!: string[];
  /** Everyone present, as written in the minutes (names and titles). */
  @Texts() people!: string[];
}

/** The meeting took place: who attended, what was said, and the decisions it made (each its own event). */
export class MeetingHeldPayload {
  @Id() meetingId!: string;
  @Instant() heldAt!: string;
  @Nested(AttendanceRef) attendance!: AttendanceRef;
  @Text() summary!: string;
  @Ids() decisionIds!: string[];
}

/** A decision (议定事项): who does what by when. Its clock starts now, in working days. */
export class DecisionMadePayload {
  @Id() decisionId!: string;
  @Id() meetingId!: string;
  @Id() itemId!: string;
  @Id(optional) ticketId!: string | null;
  @Id(optional) needId!: string | null;
  @Id(optional) enterpriseId!: string | null;
  @Text() title!: string;
  @Text() task!: string;
  @Id() leadDepartmentId!: string;
  @Ids() coHandlerDepartmentIds!: string[];
  @Count() dueWorkingDays!: number;
  /** A cooperation reached between enterprises or with the zone (推动达成合作), counted apart. */
  @Flag() cooperation!: boolean;
  @Instant() decidedAt!: string;
}

export const DecisionProgress = ['in_progress', 'done'] as const;
export type DecisionProgressKind = (typeof DecisionProgress)[number];

/** The lead (or a co-handler, for its part) reports what was done; `done` stops the clock. */
export class DecisionReportedPayload {
  @Id() decisionId!: string;
  @Id() meetingId!: string;
  @Id() departmentId!: string;
  @OneOf(DecisionProgress) progress!: DecisionProgressKind;
  @Text() report!: string;
}

export const DecisionOutcomes = ['solved', 'unsolved', 'withdrawn'] as const;
export type DecisionOutcome = (typeof DecisionOutcomes)[number];

/** The committee closes a decision (usually at the next meeting, where its outcome is reported). */
export class DecisionClosedPayload {
  @Id() decisionId!: string;
  @Id() meetingId!: string;
  @OneOf(DecisionOutcomes) outcome!: DecisionOutcome;
  @Text() note!: string;
  /** The meeting where the outcome was reported, when it was closed there. */
  @Id(optional) reportedAtMeetingId!: string | null;
}

export const MeetingEventPayloads = {
  [MeetingEvents.scheduled]: MeetingScheduledPayload,
  [MeetingEvents.updated]: MeetingUpdatedPayload,
  [MeetingEvents.cancelled]: MeetingCancelledPayload,
  [MeetingEvents.held]: MeetingHeldPayload,
  [MeetingEvents.decisionMade]: DecisionMadePayload,
  [MeetingEvents.decisionReported]: DecisionReportedPayload,
  [MeetingEvents.decisionClosed]: DecisionClosedPayload,
} as const;
