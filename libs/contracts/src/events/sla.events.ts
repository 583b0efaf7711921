/** Events of the SLA engine, on ticketing.sla.v1, keyed by ticket id. */
export const SlaEvents = {
  deadlineSet: 'sla.deadline-set',
  timerStopped: 'sla.timer-stopped',
  timerPaused: 'sla.timer-paused',
  warning: 'sla.warning',
  breached: 'sla.breached',
  escalated: 'sla.escalated',
} as const;

export const SlaTimerKinds = [
  /** The committee's desk: a ticket no rule routed waits for a person to name its departments. */
  'triage',
  'respond',
  'resolve',
  'reply',
  'feedback',
  'transfer_arbitration',
  'co_handler_report',
] as const;
export type SlaTimerKind = (typeof SlaTimerKinds)[number];

interface SlaTimerRef {
  ticketId: string;
  timerId: string;
  kind: SlaTimerKind;
  /** Whose clock this is (the lead, a co-handler, or null for the committee/enterprise). */
  departmentId: string | null;
  dueAt: string;
}

/** A timer opened, or its deadline moved (approved extension, policy or calendar change). */
export interface SlaDeadlineSetPayload extends SlaTimerRef {
  policyId: string;
  policyVersion: number;
  /** 'reassigned': an approved transfer handed the (still running) timer to the new lead department. */
  reason: 'opened' | 'extended' | 'recomputed' | 'resumed' | 'reassigned';
}

export interface SlaTimerStoppedPayload extends SlaTimerRef {
  stoppedAt: string;
  breached: boolean;
  workingMinutesUsed: number;
  /** met / breached by the lifecycle; transferred: kept on record for the first handler; cancelled: no policy covers it any more. */
  outcome?: 'met' | 'breached' | 'transferred' | 'cancelled';
}

/** A timer stopped counting (e.g. while the committee decides an extension); dueAt is the deadline it had. */
export interface SlaTimerPausedPayload extends SlaTimerRef {
  pausedAt: string;
  reason: 'extension_pending' | 'transfer_pending';
}

export interface SlaWarningPayload extends SlaTimerRef {
  level: 'yellow';
  /** e.g. '80%', or a lead time such as '2 working_hours before'. */
  threshold: string;
  /** When the step was due (the event is emitted within about a second of it). */
  fireAt?: string;
}

export interface SlaBreachedPayload extends SlaTimerRef {
  level: 'red';
  fireAt?: string;
}

export interface SlaEscalatedPayload extends SlaTimerRef {
  step: 'urge' | 'supervise' | 'joint_meeting';
  stepIndex: number;
  fireAt?: string;
}
