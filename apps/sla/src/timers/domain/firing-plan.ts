import { WorkCalendar } from '@ticketing/calendar';
import { formatDuration, shiftInstant } from '../../policies/domain/duration';
import { EscalationStep, TimerRule } from '../../policies/domain/policy';
import { TimerFacts, dueAt, pausedClockMs } from './timer';
import { timerClock } from './timer-clock';

export type FiringKind = 'warning' | 'breach' | 'escalation';

export interface PlannedFiring {
  /** Stable per timer, whatever the order of the rule's lists: a step that has fired keeps its key, so it never fires twice. */
  step: string;
  kind: FiringKind;
  fireAt: number;
  /** warning: '80%' or '4 working_hours before'; escalation: the ladder step. */
  label: string;
  stepIndex: number;
}

/** 'warning:80%' → warning, '80%'; 'escalation:urge' → escalation, 'urge'; 'breach' → breach, ''. */
export const parseStep = (step: string): { kind: FiringKind; label: string } => {
  const i = step.indexOf(':');
  return i < 0
    ? { kind: step as FiringKind, label: '' }
    : { kind: step.slice(0, i) as FiringKind, label: step.slice(i + 1) };
};

/**
 * When each warning, the breach and each escalation of a running timer fall due, assuming no
 * further pause. Called again whenever the deadline moves; already fired steps keep their key.
 * A step whose instant lies before the start (a lead time longer than the allowance) is due at
 * the start, i.e. at once.
 */
export function planFirings(t: TimerFacts, rule: TimerRule, calendar: WorkCalendar): PlannedFiring[] {
  const clock = timerClock(t.basis, calendar);
  const due = dueAt(t, clock);
  if (due === null || t.stoppedAt !== null) return [];
  const paused = pausedClockMs(t, clock, Number.POSITIVE_INFINITY);
  const allowance = t.budgetMs + t.extensionMs;
  const at = (ms: number) => Math.max(t.startedAt, ms);
  const plan: PlannedFiring[] = [];

  rule.warnings.forEach((w, i) => {
    const label = w.percent !== undefined ? `${w.percent}%` : `${formatDuration(w.before!)} before`;
    const fireAt =
      w.percent !== undefined
        ? clock.add(t.startedAt, paused + Math.round((allowance * w.percent) / 100))
        : shiftInstant(due, w.before!, calendar, -1);
    plan.push({ step: `warning:${label}`, kind: 'warning', fireAt: at(fireAt), label, stepIndex: i });
  });

  plan.push({ step: 'breach', kind: 'breach', fireAt: due, label: '', stepIndex: 0 });

  rule.escalations.forEach((e, i) => {
    const fireAt =
      e.afterBreach !== undefined
        ? e.afterBreach.amount === 0
          ? due
          : shiftInstant(due, e.afterBreach, calendar, 1)
        : clock.add(t.startedAt, paused + Math.round(allowance * e.deadlineMultiple!));
    plan.push({
      step: `escalation:${e.step}`,
      kind: 'escalation',
      fireAt: at(fireAt),
      label: e.step as EscalationStep,
      stepIndex: i,
    });
  });
  return plan.sort((a, b) => a.fireAt - b.fireAt);
}
