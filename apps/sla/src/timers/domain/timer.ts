import { WorkCalendar } from '@ticketing/calendar';
import { SlaSubject, SlaTimerKind } from '@ticketing/contracts';
import { TimerBasis } from '../../policies/domain/duration';
import { PauseCondition } from '../../policies/domain/policy';
import { TimerClock, timerClock } from './timer-clock';

export type TimerStateName = 'running' | 'paused' | 'stopped';
/**
 * met / breached: stopped by the lifecycle; transferred: the ticket went to another department;
 * cancelled: no longer applies (no policy sets it, or its decision was withdrawn); merged: its ticket
 * was merged into another as a duplicate.
 */
export type TimerOutcome = 'met' | 'breached' | 'transferred' | 'cancelled' | 'merged';

/** What a clock runs for: a decision's clock is keyed by the decision; every other kind by its ticket. */
export const subjectOf = (kind: SlaTimerKind): SlaSubject => (kind === 'decision' ? 'decision' : 'ticket');

export interface PauseInterval {
  from: number;
  to: number | null;
  reason: PauseCondition;
}

/**
 * What a timer's arithmetic needs. The allowance (`budgetMs`) and any approved extension are in
 * the timer's own clock (working or wall ms); pauses are kept as real intervals so that a policy
 * or calendar change can re-measure them.
 */
export interface TimerFacts {
  kind: SlaTimerKind;
  basis: TimerBasis;
  startedAt: number;
  budgetMs: number;
  extensionMs: number;
  pauses: PauseInterval[];
  stoppedAt: number | null;
}

export const openPause = (t: TimerFacts): PauseInterval | undefined => {
  const last = t.pauses[t.pauses.length - 1];
  return last && last.to === null ? last : undefined;
};

/** Clock time spent paused, counting an open pause up to `until`. */
export function pausedClockMs(t: TimerFacts, clock: TimerClock, until: number): number {
  let sum = 0;
  for (const p of t.pauses) sum += clock.between(p.from, Math.min(p.to ?? until, until));
  return sum;
}

/** Deadline: when the active (unpaused) clock time reaches the allowance plus extension; null while paused. */
export function dueAt(t: TimerFacts, clock: TimerClock): number | null {
  if (openPause(t)) return null;
  return clock.add(
    t.startedAt,
    t.budgetMs + t.extensionMs + pausedClockMs(t, clock, Number.POSITIVE_INFINITY),
  );
}

export interface TimerTimeline {
  /** The instant the figures are taken at: the stop, else now. */
  asOf: number;
  allowanceMs: number;
  budgetMs: number;
  extensionMs: number;
  elapsedWallMs: number;
  pausedWallMs: number;
  elapsedWorkingMs: number;
  pausedWorkingMs: number;
  /** On the timer's own clock: activeMs + remainingMs === allowanceMs, exactly. */
  activeMs: number;
  remainingMs: number;
  /** Working time left until the deadline (negative when overdue). */
  remainingWorkingMs: number;
}

/**
 * Figures for the ticket detail, in integer milliseconds so that they add up exactly:
 * elapsed = paused + active on each clock, and active + remaining = allowance on the timer's clock.
 */
export function timeline(t: TimerFacts, calendar: WorkCalendar, now: number): TimerTimeline {
  const clock = timerClock(t.basis, calendar);
  const working = timerClock('working', calendar);
  const wall = timerClock('wall', calendar);
  const asOf = Math.max(t.startedAt, t.stoppedAt ?? now);
  const elapsedWallMs = asOf - t.startedAt;
  const pausedWallMs = pausedClockMs(t, wall, asOf);
  const elapsedWorkingMs = working.between(t.startedAt, asOf);
  const pausedWorkingMs = pausedClockMs(t, working, asOf);
  const activeMs = clock.between(t.startedAt, asOf) - pausedClockMs(t, clock, asOf);
  const allowanceMs = t.budgetMs + t.extensionMs;
  const remainingMs = allowanceMs - activeMs;
  const remainingWorkingMs = t.basis === 'working' ? remainingMs : working.between(asOf, asOf + remainingMs);
  return {
    asOf,
    allowanceMs,
    budgetMs: t.budgetMs,
    extensionMs: t.extensionMs,
    elapsedWallMs,
    pausedWallMs,
    elapsedWorkingMs,
    pausedWorkingMs,
    activeMs,
    remainingMs,
    remainingWorkingMs,
  };
}

/**
 * The outcome of stopping a running or paused timer at `at`. The deadline decides when there is
 * one: a breach event that fired only because the stop arrived late does not make it a breach.
 */
export function stopOutcome(due: number | null, breachedAt: number | null, at: number): 'met' | 'breached' {
  if (due !== null) return at > due ? 'breached' : 'met';
  return breachedAt !== null ? 'breached' : 'met';
}
