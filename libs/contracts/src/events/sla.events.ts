/** Events of the SLA engine, on ticketing.sla.v1, keyed by ticket id. */
export const SlaEvents = {
  deadlineSet: 'sla.deadline-set',
  timerStopped: 'sla.timer-stopped',
  warning: 'sla.warning',
  breached: 'sla.breached',
  escalated: 'sla.escalated',
} as const;

export const SlaTimerKinds = ['respond', 'resolve', 'reply', 'feedback', 'transfer_arbitration', 'co_handler_report'] as const;
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
  reason: 'opened' | 'extended' | 'recomputed' | 'resumed';
}

export interface SlaTimerStoppedPayload extends SlaTimerRef {
  stoppedAt: string;
  breached: boolean;
  workingMinutesUsed: number;
}

export interface SlaWarningPayload extends SlaTimerRef {
  level: 'yellow';
  /** e.g. '80%' or 'PT4H' (lead time). */
  threshold: string;
}

export interface SlaBreachedPayload extends SlaTimerRef {
  level: 'red';
}

export interface SlaEscalatedPayload extends SlaTimerRef {
  step: 'urge' | 'supervise' | 'joint_meeting';
  stepIndex: number;
}
