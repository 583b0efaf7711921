import { WorkCalendar } from '@ticketing/calendar';
import { SlaDeadlineSetPayload, SlaEvents, SlaTimerKind, SlaTimerPausedPayload } from '@ticketing/contracts';
import { Duration, TimerBasis, allowanceMs, basisOf } from '../../policies/domain/duration';
import { PauseCondition, PolicyVersion, ResolvedRule, TimerRule } from '../../policies/domain/policy';
import { PlannedFiring, planFirings } from './firing-plan';
import { SlaEventOf, isoOrEmpty } from './sla-event';
import {
  PauseInterval,
  TimerFacts,
  TimerOutcome,
  TimerStateName,
  dueAt,
  openPause,
  pausedClockMs,
  stopOutcome,
  subjectOf,
} from './timer';
import { timerClock } from './timer-clock';

/** Everything a timer is, as stored. Instants are epoch milliseconds. */
export interface TimerSnapshot {
  id: string;
  ticketId: string;
  kind: SlaTimerKind;
  /** Whose clock it is: the lead, a co-handler, or null for the committee's and the enterprise's. */
  departmentId: string | null;
  policyId: string;
  policyVersion: number;
  calendarId: string;
  basis: TimerBasis;
  startedAt: number;
  budgetMs: number;
  /** A length of its own (a decision's working days), which a recompute keeps; null: the rule's. */
  ownDuration: Duration | null;
  extensionMs: number;
  pauses: PauseInterval[];
  pauseWhen: PauseCondition[];
  dueAt: number | null;
  state: TimerStateName;
  outcome: TimerOutcome | null;
  stoppedAt: number | null;
  breachedAt: number | null;
  revision: number;
}

type DeadlineSet = SlaEventOf<typeof SlaEvents.deadlineSet>;
type TimerStopped = SlaEventOf<typeof SlaEvents.timerStopped>;
type TimerPaused = SlaEventOf<typeof SlaEvents.timerPaused>;

/**
 * One clock of a ticket: opened from a policy's rule, paused and resumed, extended, handed to
 * another department, recomputed when its policy or calendar changes, and stopped. Each change
 * bumps its revision and returns the event that announces it; a change that moves the deadline
 * also replans the timer's warnings, breach and escalations (fired steps keep their key, so they
 * never fire twice).
 */
export class Timer {
  /** Unfired steps to put in place on save: undefined leaves them; [] removes them. */
  private replanned: PlannedFiring[] | undefined;
  private changed: boolean;

  private constructor(
    private readonly s: TimerSnapshot,
    readonly isNew: boolean,
  ) {
    this.changed = isNew;
  }

  static restore(s: TimerSnapshot): Timer {
    return new Timer({ ...s, pauses: s.pauses.map((p) => ({ ...p })), pauseWhen: [...s.pauseWhen] }, false);
  }

  /**
   * A running timer whose allowance is the rule's duration (or its own, when its subject names one)
   * from `at`, on the policy's calendar.
   */
  static open(p: {
    id: string;
    ticketId: string;
    kind: SlaTimerKind;
    departmentId: string | null;
    policy: PolicyVersion;
    rule: TimerRule;
    calendar: WorkCalendar;
    at: number;
    ownDuration?: Duration | null;
  }): { timer: Timer; event: DeadlineSet } {
    const ownDuration = p.ownDuration ?? null;
    const duration = ownDuration ?? p.rule.duration;
    const basis = basisOf(duration.unit);
    const facts: TimerFacts = {
      kind: p.kind,
      basis,
      startedAt: p.at,
      budgetMs: allowanceMs(duration, p.calendar, p.at),
      extensionMs: 0,
      pauses: [],
      stoppedAt: null,
    };
    const timer = new Timer(
      {
        id: p.id,
        ticketId: p.ticketId,
        kind: p.kind,
        departmentId: p.departmentId,
        policyId: p.policy.id,
        policyVersion: p.policy.version,
        calendarId: p.policy.definition.calendarId,
        basis,
        startedAt: p.at,
        budgetMs: facts.budgetMs,
        ownDuration,
        extensionMs: 0,
        pauses: [],
        pauseWhen: [...p.rule.pauseWhen],
        dueAt: dueAt(facts, timerClock(basis, p.calendar)),
        state: 'running',
        outcome: null,
        stoppedAt: null,
        breachedAt: null,
        revision: 1,
      },
      true,
    );
    timer.replanned = planFirings(facts, p.rule, p.calendar);
    return { timer, event: timer.deadlineSet('opened') };
  }

  get id(): string {
    return this.s.id;
  }
  get kind(): SlaTimerKind {
    return this.s.kind;
  }
  get departmentId(): string | null {
    return this.s.departmentId;
  }
  get dueAt(): number | null {
    return this.s.dueAt;
  }
  get calendarId(): string {
    return this.s.calendarId;
  }
  get policyId(): string {
    return this.s.policyId;
  }
  get policyVersion(): number {
    return this.s.policyVersion;
  }
  get state(): TimerStateName {
    return this.s.state;
  }
  get isStopped(): boolean {
    return this.s.state === 'stopped';
  }
  /** True when it was opened or changed since it was loaded. */
  get isChanged(): boolean {
    return this.changed;
  }
  get plannedFirings(): readonly PlannedFiring[] | undefined {
    return this.replanned;
  }
  pausesFor(reason: PauseCondition): boolean {
    return this.s.pauseWhen.includes(reason);
  }
  /** Paused, and for this reason. */
  isPausedFor(reason: PauseCondition): boolean {
    const last = this.s.pauses[this.s.pauses.length - 1];
    return this.s.state === 'paused' && !!last && last.to === null && last.reason === reason;
  }

  snapshot(): TimerSnapshot {
    return { ...this.s, pauses: this.s.pauses.map((p) => ({ ...p })), pauseWhen: [...this.s.pauseWhen] };
  }

  facts(): TimerFacts {
    return {
      kind: this.s.kind,
      basis: this.s.basis,
      startedAt: this.s.startedAt,
      budgetMs: this.s.budgetMs,
      extensionMs: this.s.extensionMs,
      pauses: this.s.pauses.map((p) => ({ ...p })),
      stoppedAt: this.s.stoppedAt,
    };
  }

  /**
   * Stops the clock at `at` (never before its start). Without an outcome given, the deadline
   * decides: met or breached.
   */
  stop(at: number, calendar: WorkCalendar, outcome?: TimerOutcome): TimerStopped {
    const facts = this.facts();
    const end = Math.max(at, facts.startedAt);
    const pause = openPause(facts);
    if (pause) pause.to = Math.max(end, pause.from);
    facts.stoppedAt = end;
    const working = timerClock('working', calendar);
    const usedMs = working.between(facts.startedAt, end) - pausedClockMs(facts, working, end);
    this.s.outcome = outcome ?? stopOutcome(this.s.dueAt, this.s.breachedAt, end);
    this.s.state = 'stopped';
    this.s.stoppedAt = end;
    this.keep(facts);
    this.replanned = [];
    return this.stopped(usedMs);
  }

  /** Stops counting while `reason` holds, when its rule says so; no deadline meanwhile. */
  pause(reason: PauseCondition, at: number): TimerPaused | undefined {
    if (this.s.state !== 'running' || !this.pausesFor(reason)) return undefined;
    const facts = this.facts();
    const dueBefore = this.s.dueAt;
    facts.pauses.push({ from: Math.max(at, facts.startedAt), to: null, reason });
    this.s.state = 'paused';
    this.s.dueAt = null;
    this.keep(facts);
    this.replanned = [];
    return this.paused(at, reason, dueBefore);
  }

  /**
   * The pause for `reason` ends at `at`. The timer counts again, its deadline moved by the time
   * paused; unless another condition in `stillHolding` also stops it, in which case it stays paused
   * for that one from the same instant (announced as a pause with the new reason).
   */
  resume(
    reason: PauseCondition,
    at: number,
    calendar: WorkCalendar,
    rule: TimerRule,
    stillHolding: readonly PauseCondition[] = [],
  ): DeadlineSet | TimerPaused | undefined {
    const facts = this.facts();
    const pause = openPause(facts);
    if (this.s.state !== 'paused' || !pause || pause.reason !== reason) return undefined;
    const end = Math.max(at, pause.from);
    pause.to = end;
    const next = stillHolding.find((c) => c !== reason && this.pausesFor(c));
    if (next) {
      facts.pauses.push({ from: end, to: null, reason: next });
      this.keep(facts);
      return this.paused(end, next, null);
    }
    this.s.state = 'running';
    return this.reschedule(facts, calendar, rule, 'resumed');
  }

  /**
   * An approved extension, decided at `at`: the deadline moves to `newDueMs`, never earlier than it
   * was. A timer still paused (another condition holds it, e.g. the enterprise has not answered)
   * takes the extension against the deadline it would have if it counted again at `at`, and
   * announces its deadline when it resumes.
   */
  extend(newDueMs: number, at: number, calendar: WorkCalendar, rule: TimerRule): DeadlineSet | undefined {
    if (this.s.state === 'stopped') return undefined;
    const clock = timerClock(this.s.basis, calendar);
    let reference = this.s.dueAt;
    if (this.s.state === 'paused') {
      const probe = this.facts();
      const pause = openPause(probe);
      if (pause) pause.to = Math.max(at, pause.from);
      reference = dueAt(probe, clock);
    }
    if (reference === null) return undefined;
    const added = clock.between(reference, newDueMs);
    if (added <= 0) return undefined;
    const facts = this.facts();
    facts.extensionMs += added;
    if (this.s.state === 'paused') {
      this.keep(facts);
      return undefined;
    }
    return this.reschedule(facts, calendar, rule, 'extended');
  }

  /** An approved transfer hands a ticket-level clock (the enterprise's reply) to the new lead. */
  reassign(departmentId: string | null): DeadlineSet | undefined {
    if (this.s.departmentId === departmentId) return undefined;
    this.s.departmentId = departmentId;
    this.keep(this.facts());
    return this.deadlineSet('reassigned');
  }

  /**
   * A policy or calendar changed: the timer keeps its start, pauses and extension, and takes the
   * allowance, basis and calendar of `resolved`. Announced only when the deadline moved.
   */
  recompute(resolved: ResolvedRule, calendar: WorkCalendar): DeadlineSet | undefined {
    const facts = this.facts();
    const duration = this.s.ownDuration ?? resolved.rule.duration;
    const basis = basisOf(duration.unit);
    facts.basis = basis;
    facts.budgetMs = allowanceMs(duration, calendar, facts.startedAt);
    // An extension is kept on the clock it was granted on; it cannot be carried to another basis.
    if (basis !== this.s.basis) facts.extensionMs = 0;
    const due = dueAt(facts, timerClock(basis, calendar));
    this.replanned = this.s.state === 'running' ? planFirings(facts, resolved.rule, calendar) : [];
    const moved = this.s.dueAt !== due;
    this.s.policyId = resolved.policy.id;
    this.s.policyVersion = resolved.policy.version;
    this.s.calendarId = resolved.policy.definition.calendarId;
    this.s.basis = basis;
    this.s.budgetMs = facts.budgetMs;
    this.s.pauseWhen = [...resolved.rule.pauseWhen];
    this.s.dueAt = due;
    this.keep(facts);
    return moved ? this.deadlineSet('recomputed') : undefined;
  }

  /** No active policy sets this timer any more: it stops, as breached if its deadline had passed. */
  cancel(now: number, calendar: WorkCalendar): TimerStopped {
    const facts = this.facts();
    const pause = openPause(facts);
    if (pause) pause.to = now;
    const working = timerClock('working', calendar);
    const usedMs = working.between(facts.startedAt, now) - pausedClockMs(facts, working, now);
    this.s.outcome =
      stopOutcome(this.s.dueAt, this.s.breachedAt, now) === 'breached' ? 'breached' : 'cancelled';
    this.s.state = 'stopped';
    this.s.stoppedAt = now;
    this.keep(facts);
    this.replanned = [];
    return this.stopped(usedMs);
  }

  private reschedule(
    facts: TimerFacts,
    calendar: WorkCalendar,
    rule: TimerRule,
    reason: 'resumed' | 'extended',
  ): DeadlineSet {
    this.s.dueAt = dueAt(facts, timerClock(this.s.basis, calendar));
    this.keep(facts);
    this.replanned = planFirings(facts, rule, calendar);
    return this.deadlineSet(reason);
  }

  /** Takes the changed arithmetic and counts the change. */
  private keep(facts: TimerFacts): void {
    this.s.extensionMs = facts.extensionMs;
    this.s.pauses = facts.pauses;
    this.s.revision += 1;
    this.changed = true;
  }

  private ref() {
    return {
      ticketId: this.s.ticketId,
      subject: subjectOf(this.s.kind),
      timerId: this.s.id,
      kind: this.s.kind,
      departmentId: this.s.departmentId,
      dueAt: isoOrEmpty(this.s.dueAt),
    };
  }

  private deadlineSet(reason: SlaDeadlineSetPayload['reason']): DeadlineSet {
    return {
      type: SlaEvents.deadlineSet,
      ticketId: this.s.ticketId,
      revision: this.s.revision,
      payload: { ...this.ref(), policyId: this.s.policyId, policyVersion: this.s.policyVersion, reason },
    };
  }

  private stopped(usedMs: number): TimerStopped {
    return {
      type: SlaEvents.timerStopped,
      ticketId: this.s.ticketId,
      revision: this.s.revision,
      payload: {
        ...this.ref(),
        stoppedAt: new Date(this.s.stoppedAt!).toISOString(),
        breached: this.s.outcome === 'breached',
        workingMinutesUsed: usedMs / 60_000,
        outcome: this.s.outcome ?? undefined,
      },
    };
  }

  private paused(at: number, reason: SlaTimerPausedPayload['reason'], dueBefore: number | null): TimerPaused {
    return {
      type: SlaEvents.timerPaused,
      ticketId: this.s.ticketId,
      revision: this.s.revision,
      payload: { ...this.ref(), dueAt: isoOrEmpty(dueBefore), pausedAt: new Date(at).toISOString(), reason },
    };
  }
}
