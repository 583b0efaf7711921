import {
  SYSTEM_ACTOR,
  SlaDeadlineSetPayload,
  SlaEvents,
  SlaTimerPausedPayload,
  SlaTimerStoppedPayload,
} from '@ticketing/contracts';
import { EventEnvelope } from '@ticketing/contracts';
import { newEvent } from '@ticketing/messaging';
import { TimerRow } from '../infrastructure/timer.repository';

const ref = (t: TimerRow) => ({
  ticketId: t.ticket_id,
  timerId: t.id,
  kind: t.kind,
  departmentId: t.department_id,
  dueAt: t.due_at ? t.due_at.toISOString() : '',
});

const envelope = <P>(type: string, t: TimerRow, payload: P): EventEnvelope<P> =>
  newEvent({ type, aggregateId: t.ticket_id, aggregateVersion: t.revision, actor: SYSTEM_ACTOR, payload });

export const deadlineSet = (t: TimerRow, reason: SlaDeadlineSetPayload['reason']) =>
  envelope<SlaDeadlineSetPayload>(SlaEvents.deadlineSet, t, {
    ...ref(t),
    policyId: t.policy_id,
    policyVersion: t.policy_version,
    reason,
  });

export const timerStopped = (t: TimerRow, workingMinutesUsed: number) =>
  envelope<SlaTimerStoppedPayload>(SlaEvents.timerStopped, t, {
    ...ref(t),
    stoppedAt: t.stopped_at!.toISOString(),
    breached: t.outcome === 'breached',
    workingMinutesUsed,
    outcome: t.outcome ?? undefined,
  });

export const timerPaused = (
  t: TimerRow,
  pausedAt: number,
  reason: SlaTimerPausedPayload['reason'],
  dueBefore: Date | null,
) =>
  envelope<SlaTimerPausedPayload>(SlaEvents.timerPaused, t, {
    ...ref(t),
    dueAt: dueBefore ? dueBefore.toISOString() : '',
    pausedAt: new Date(pausedAt).toISOString(),
    reason,
  });
