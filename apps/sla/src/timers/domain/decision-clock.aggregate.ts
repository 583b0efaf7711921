import { DomainError, EventPayloads, MeetingEvents, newId } from '@ticketing/contracts';
import { Duration } from '../../policies/domain/duration';
import { RuleBook } from './rule-book';
import { SlaRecordedEvent } from './sla-event';
import { Timer } from './timer.aggregate';

/** The meeting events that move a decision's clock. */
export const DecisionClockEventTypes = [
  MeetingEvents.decisionMade,
  MeetingEvents.decisionReported,
  MeetingEvents.decisionClosed,
] as const;
export type DecisionClockEventType = (typeof DecisionClockEventTypes)[number];

/** A meeting event about a decision: its type and its payload, typed from the event catalogue. */
export type DecisionEvent = {
  [K in DecisionClockEventType]: { type: K; payload: EventPayloads[K] };
}[DecisionClockEventType];

export type DecisionStatus = 'open' | 'done' | 'closed';

/** The most working days a decision may name (about fourteen years: longer is a typing error). */
export const MAX_DECISION_WORKING_DAYS = 3650;

/** What the meeting events told the SLA engine of a decision: who sees its clock, and when it started. */
export interface DecisionFacts {
  decisionId: string;
  meetingId: string;
  ticketId: string | null;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  dueWorkingDays: number;
  decidedAt: number;
  status: DecisionStatus;
}

/**
 * The clock of one decision of a joint meeting (议定事项): tracked work with its own deadline,
 * warnings and escalation ladder. It opens for the lead department when the decision is made, due
 * its working days after the meeting decided it (on the decisions' policy's calendar; a decision
 * that names no days takes the policy's length), with the warnings and ladder of the decisions'
 * policy. It stops when the lead reports it done (met or breached by the deadline) or when the
 * committee closes the decision (withdrawn: cancelled). Every event about it says subject
 * `decision` and is keyed by the decision.
 */
export class DecisionClock {
  readonly events: SlaRecordedEvent[] = [];
  private readonly timers: Timer[];
  private known: DecisionFacts | null;
  private factsChanged = false;

  constructor(facts: DecisionFacts | null, open: Timer[]) {
    this.known = facts && { ...facts, coHandlerDepartmentIds: [...facts.coHandlerDepartmentIds] };
    this.timers = [...open];
  }

  /** Null until a decision-made event told us of the decision. */
  get facts(): DecisionFacts | null {
    return this.known && { ...this.known, coHandlerDepartmentIds: [...this.known.coHandlerDepartmentIds] };
  }

  /** True when the facts changed, to be written. */
  get isFactsChanged(): boolean {
    return this.factsChanged;
  }

  get open(): Timer[] {
    return this.timers.filter((t) => !t.isStopped);
  }

  /** The timers to write: opened or changed. */
  get changed(): Timer[] {
    return this.timers.filter((t) => t.isChanged);
  }

  async apply(event: DecisionEvent, at: number, rules: RuleBook): Promise<void> {
    switch (event.type) {
      case MeetingEvents.decisionMade:
        return this.made(event.payload, rules);
      case MeetingEvents.decisionReported: {
        const r = event.payload;
        // A co-handler reports its own part; only the lead's "done" is the decision's.
        if (!this.known || r.progress !== 'done' || r.departmentId !== this.known.leadDepartmentId) return;
        await this.stopAll(at, rules);
        this.setStatus('done');
        return;
      }
      case MeetingEvents.decisionClosed: {
        if (!this.known) return;
        await this.stopAll(at, rules, event.payload.outcome === 'withdrawn');
        this.setStatus('closed');
        return;
      }
    }
  }

  /** Once per decision: a decision made again (a replayed event) changes nothing. */
  private async made(d: EventPayloads[typeof MeetingEvents.decisionMade], rules: RuleBook): Promise<void> {
    if (this.known) return;
    if (d.dueWorkingDays < 0 || d.dueWorkingDays > MAX_DECISION_WORKING_DAYS) {
      throw new DomainError('validation', `decision ${d.decisionId}: dueWorkingDays out of range`, {
        errors: [
          {
            field: 'payload.dueWorkingDays',
            messages: [
              `must be from 0 (the policy's length) to ${MAX_DECISION_WORKING_DAYS}, got ${d.dueWorkingDays}`,
            ],
          },
        ],
      });
    }
    const decidedAt = Date.parse(d.decidedAt);
    this.known = {
      decisionId: d.decisionId,
      meetingId: d.meetingId,
      ticketId: d.ticketId ?? null,
      leadDepartmentId: d.leadDepartmentId,
      coHandlerDepartmentIds: [...d.coHandlerDepartmentIds],
      dueWorkingDays: d.dueWorkingDays,
      decidedAt,
      status: 'open',
    };
    this.factsChanged = true;
    const resolved = await rules.forNewTimer('', '', 'decision');
    if (!resolved) return;
    const ownDuration: Duration | null =
      d.dueWorkingDays > 0 ? { amount: d.dueWorkingDays, unit: 'working_days' } : null;
    const { timer, event } = Timer.open({
      id: newId(),
      ticketId: d.decisionId,
      kind: 'decision',
      departmentId: d.leadDepartmentId,
      policy: resolved.policy,
      rule: resolved.rule,
      calendar: await rules.calendar(resolved.policy.definition.calendarId),
      at: decidedAt,
      ownDuration,
    });
    this.timers.push(timer);
    this.events.push(event);
  }

  /** Stops the clock at `at`: met or breached by its deadline; a withdrawn decision in time is cancelled. */
  private async stopAll(at: number, rules: RuleBook, withdrawn = false): Promise<void> {
    for (const t of this.open) {
      const inTime = t.dueAt === null || at <= t.dueAt;
      const outcome = withdrawn && inTime ? 'cancelled' : undefined;
      this.events.push(t.stop(at, await rules.calendar(t.calendarId), outcome));
    }
  }

  private setStatus(status: DecisionStatus): void {
    if (!this.known || this.known.status === status) return;
    this.known = { ...this.known, status };
    this.factsChanged = true;
  }
}
