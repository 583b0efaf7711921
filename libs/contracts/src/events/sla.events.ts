import { Amount, Flag, Id, Instant, Count, OneOf, optional, Text } from './payload-rules';

/** Events of the SLA engine, on ticketing.sla.v1, keyed by ticket id. */
export const SlaEvents = {
  deadlineSet: 'sla.deadline-set',
  timerStopped: 'sla.timer-stopped',
  timerPaused: 'sla.timer-paused',
  warning: 'sla.warning',
  breached: 'sla.breached',
  escalated: 'sla.escalated',
} as const;
export type SlaEventType = (typeof SlaEvents)[keyof typeof SlaEvents];

export const SlaTimerKinds = [
  /** The committee's desk: a ticket no rule routed waits for a person to name its departments. */
  'triage',
  'respond',
  'resolve',
  'reply',
  'feedback',
  'transfer_arbitration',
  'co_handler_report',
  /**
   * 回访: once the feedback window lapsed, the committee's window to call the enterprise and record
   * its answers; the ticket closes as no feedback when it passes (a zero window: at once).
   */
  'callback',
  /** A joint meeting's decision (议定事项): the lead department's clock, in working days from the meeting. */
  'decision',
] as const;
export type SlaTimerKind = (typeof SlaTimerKinds)[number];

/** What a timer runs for: a ticket (the default, and every timer before decisions existed) or a meeting's decision. */
export const SlaSubjects = ['ticket', 'decision'] as const;
export type SlaSubject = (typeof SlaSubjects)[number];

export class SlaTimerRef {
  /** The ticket's id, or the decision's when `subject` is `decision` (the events are keyed by it either way). */
  @Id() ticketId!: string;
  @OneOf(SlaSubjects, optional) subject?: SlaSubject;
  @Id() timerId!: string;
  @OneOf(SlaTimerKinds) kind!: SlaTimerKind;
  /** Whose clock this is (the lead, a co-handler, or null for the committee/enterprise). */
  @Id(optional) departmentId!: string | null;
  /** '' while the timer has no deadline (e.g. a paused timer that had none). */
  @Text() dueAt!: string;
}

/** A timer opened, or its deadline moved (approved extension, policy or calendar change). */
export class SlaDeadlineSetPayload extends SlaTimerRef {
  @Id() policyId!: string;
  @Count() policyVersion!: number;
  /** 'reassigned': an approved transfer handed the (still running) timer to the new lead department. */
  @OneOf(['opened', 'extended', 'recomputed', 'resumed', 'reassigned'])
  reason!: 'opened' | 'extended' | 'recomputed' | 'resumed' | 'reassigned';
}

export class SlaTimerStoppedPayload extends SlaTimerRef {
  @Instant() stoppedAt!: string;
  @Flag() breached!: boolean;
  @Amount() workingMinutesUsed!: number;
  /**
   * met / breached by the lifecycle; transferred: kept on record for the first handler; cancelled: no
   * policy covers it any more, or its decision was withdrawn; merged: its ticket was merged into
   * another as a duplicate (the main ticket's clocks run on; the published formulas count the pair once).
   */
  @OneOf(['met', 'breached', 'transferred', 'cancelled', 'merged'], optional)
  outcome?: 'met' | 'breached' | 'transferred' | 'cancelled' | 'merged';
}

/** Why a timer stops counting, where its policy says so. */
export const SlaPauseReasons = [
  /** The committee decides an extension the lead asked for. */
  'extension_pending',
  /** The committee arbitrates a transfer request. */
  'transfer_pending',
  /** A department asked the enterprise for information or documents (补充材料) and waits for its answer. */
  'awaiting_enterprise',
] as const;
export type SlaPauseReason = (typeof SlaPauseReasons)[number];

/**
 * A timer stopped counting (e.g. while the committee decides an extension, or while the enterprise
 * is asked for information); dueAt is the deadline it had. Sent again with the new reason when one
 * pause ends while another that also holds the timer goes on.
 */
export class SlaTimerPausedPayload extends SlaTimerRef {
  @Instant() pausedAt!: string;
  @OneOf(SlaPauseReasons) reason!: SlaPauseReason;
}

export class SlaWarningPayload extends SlaTimerRef {
  @OneOf(['yellow']) level!: 'yellow';
  /** e.g. '80%', or a lead time such as '2 working_hours before'. */
  @Text() threshold!: string;
  /** When the step was due (the event is emitted within about a second of it). */
  @Instant(optional) fireAt?: string;
}

export class SlaBreachedPayload extends SlaTimerRef {
  @OneOf(['red']) level!: 'red';
  @Instant(optional) fireAt?: string;
}

export class SlaEscalatedPayload extends SlaTimerRef {
  @OneOf(['urge', 'supervise', 'joint_meeting']) step!: 'urge' | 'supervise' | 'joint_meeting';
  @Count() stepIndex!: number;
  @Instant(optional) fireAt?: string;
}

export const SlaEventPayloads = {
  [SlaEvents.deadlineSet]: SlaDeadlineSetPayload,
  [SlaEvents.timerStopped]: SlaTimerStoppedPayload,
  [SlaEvents.timerPaused]: SlaTimerPausedPayload,
  [SlaEvents.warning]: SlaWarningPayload,
  [SlaEvents.breached]: SlaBreachedPayload,
  [SlaEvents.escalated]: SlaEscalatedPayload,
} as const;
