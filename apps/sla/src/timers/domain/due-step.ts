import { SlaEscalatedPayload, SlaEvents, SlaTimerKind } from '@ticketing/contracts';
import { FiringKind, parseStep } from './firing-plan';
import { SlaRecordedEvent, isoOrEmpty } from './sla-event';
import { TimerStateName, subjectOf } from './timer';

/** A planned warning, breach or escalation step that fell due and was claimed, with its timer as it is now. */
export interface DueStep {
  step: string;
  stepIndex: number;
  fireAt: number;
  /** When it was claimed (the database's clock). */
  firedAt: number;
  timerId: string;
  /** The ticket's id, or the decision's for a decision's clock. */
  ticketId: string;
  kind: SlaTimerKind;
  departmentId: string | null;
  dueAt: number | null;
  state: TimerStateName;
  revision: number;
}

export interface FiredSteps {
  /** The steps announced, in the order they fell due. */
  fired: DueStep[];
  events: SlaRecordedEvent[];
  /** Timers whose breach step fired: from now on they are breached. */
  breachedTimerIds: string[];
}

/**
 * What claimed steps announce. Only a running timer's steps speak: a step of a timer paused or
 * stopped since it was planned is claimed (so it is not tried again) and says nothing.
 */
export function fire(claimed: readonly DueStep[]): FiredSteps {
  const fired = claimed.filter((s) => s.state === 'running').sort((a, b) => a.fireAt - b.fireAt);
  return {
    fired,
    events: fired.map(announce),
    breachedTimerIds: fired.filter((s) => s.step === 'breach').map((s) => s.timerId),
  };
}

export const firingKindOf = (s: DueStep): FiringKind => parseStep(s.step).kind;

function announce(s: DueStep): SlaRecordedEvent {
  const { kind, label } = parseStep(s.step);
  const ref = {
    ticketId: s.ticketId,
    subject: subjectOf(s.kind),
    timerId: s.timerId,
    kind: s.kind,
    departmentId: s.departmentId,
    dueAt: isoOrEmpty(s.dueAt),
    fireAt: new Date(s.fireAt).toISOString(),
  };
  const base = { ticketId: s.ticketId, revision: s.revision };
  if (kind === 'warning')
    return { ...base, type: SlaEvents.warning, payload: { ...ref, level: 'yellow', threshold: label } };
  if (kind === 'breach') return { ...base, type: SlaEvents.breached, payload: { ...ref, level: 'red' } };
  return {
    ...base,
    type: SlaEvents.escalated,
    payload: { ...ref, step: label as SlaEscalatedPayload['step'], stepIndex: s.stepIndex },
  };
}
