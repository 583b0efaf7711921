import { EventPayloads, SlaTimerKind, TicketEventType, TicketEvents, newId } from '@ticketing/contracts';
import { PauseCondition } from '../../policies/domain/policy';
import { RuleBook } from './rule-book';
import { SlaRecordedEvent } from './sla-event';
import { TimerOutcome } from './timer';
import { Timer } from './timer.aggregate';

/** A ticket event as the timers need it: its type and its payload, typed from the event catalogue. */
export type TicketLifecycleEvent = {
  [K in TicketEventType]: { type: K; payload: EventPayloads[K] };
}[TicketEventType];

/** What the ticket events tell the SLA engine of a ticket: who may see it, and what its policies match. */
export interface TicketFacts {
  ticketId: string;
  number: string | null;
  enterpriseId: string | null;
  gridId: string | null;
  category: string;
  urgency: string;
  status: string;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
}

export const ticketFactsOf = (p: EventPayloads[TicketEventType]): TicketFacts => ({
  ticketId: p.ticketId,
  number: p.number ?? null,
  enterpriseId: p.enterpriseId ?? null,
  gridId: p.gridId ?? null,
  category: p.category,
  urgency: p.urgency,
  status: p.status,
  leadDepartmentId: p.leadDepartmentId ?? null,
  coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
});

/** What holds a ticket's clocks: the pause conditions in force, and the enterprise's unanswered information requests. */
export interface TicketHolds {
  conditions: PauseCondition[];
  informationRequestIds: string[];
}

export const noHolds = (): TicketHolds => ({ conditions: [], informationRequestIds: [] });

/**
 * The clocks of one ticket, moved by its lifecycle events (see the README's table). Timers count
 * from when the event happened, not from when it was received, so a late delivery does not shift
 * deadlines. The events it records are in the order the changes were made.
 *
 * The ticket remembers which pause conditions are in force (an extension or a transfer the
 * committee has not decided; questions the enterprise has not answered), so that a clock stopped by
 * two of them counts again only when neither holds, and a clock opened meanwhile starts paused.
 */
export class TicketTimers {
  readonly events: SlaRecordedEvent[] = [];
  /** Every timer loaded or opened here, stopped ones included, in the order they were met. */
  private readonly timers: Timer[];
  private held: TicketHolds;
  private heldChanged = false;
  private facts: TicketFacts;

  constructor(ticket: TicketFacts, open: Timer[], holds: TicketHolds = noHolds()) {
    this.facts = ticket;
    this.timers = [...open];
    this.held = {
      conditions: [...holds.conditions],
      informationRequestIds: [...holds.informationRequestIds],
    };
  }

  /** What the latest event told of the ticket: who may see it, what its policies match. */
  get ticket(): TicketFacts {
    return this.facts;
  }

  /**
   * What the next event tells of the ticket, before it is applied: several events of one ticket
   * applied in one unit of work move the same clocks, each with the facts it carries.
   */
  learn(facts: TicketFacts): void {
    if (facts.ticketId !== this.facts.ticketId)
      throw new Error(`ticket ${facts.ticketId}'s facts given to ticket ${this.facts.ticketId}'s timers`);
    this.facts = facts;
  }

  get holds(): TicketHolds {
    return {
      conditions: [...this.held.conditions],
      informationRequestIds: [...this.held.informationRequestIds],
    };
  }

  /** True when the conditions in force or the open requests changed, to be written. */
  get holdsChanged(): boolean {
    return this.heldChanged;
  }

  /** The running and paused timers, oldest first. */
  get open(): Timer[] {
    return this.timers.filter((t) => !t.isStopped);
  }

  /** The timers to write: opened or changed. */
  get changed(): Timer[] {
    return this.timers.filter((t) => t.isChanged);
  }

  find(kind: SlaTimerKind, departmentId?: string | null): Timer[] {
    return this.open.filter(
      (t) => t.kind === kind && (departmentId === undefined || t.departmentId === departmentId),
    );
  }

  async apply(event: TicketLifecycleEvent, at: number, rules: RuleBook): Promise<void> {
    const lead = event.payload.leadDepartmentId ?? null;
    const run = new Change(this, at, rules);
    switch (event.type) {
      case TicketEvents.informationRequested:
        this.setRequests([
          ...this.held.informationRequestIds.filter((r) => r !== event.payload.requestId),
          event.payload.requestId,
        ]);
        this.hold('awaiting_enterprise');
        run.pause('awaiting_enterprise');
        return;
      case TicketEvents.informationProvided: {
        this.setRequests(this.held.informationRequestIds.filter((r) => r !== event.payload.requestId));
        // Counting again only once every question is answered.
        if (!this.held.informationRequestIds.length) await run.resume('awaiting_enterprise');
        return;
      }
      case TicketEvents.merged:
        // The duplicate follows the main ticket from now on, whose clocks run on.
        await run.stopAll(undefined, 'merged');
        this.clearHolds();
        return;
      case TicketEvents.triageQueued:
        // The committee's own clock: no department answers for it.
        await run.open('triage', null);
        return;
      case TicketEvents.assigned: {
        const a = event.payload;
        await run.stopAll(['triage']);
        if (a.via === 'transfer') {
          // 首办负责制: the first handler's clocks end as 'transferred' and stay on record with their elapsed time.
          for (const t of [...this.find('resolve'), ...this.find('co_handler_report')]) {
            if (t.departmentId === a.previousLeadDepartmentId) await run.stop(t, 'transferred');
          }
          await run.stopAll(['transfer_arbitration']);
          await run.resume('transfer_pending');
          for (const t of this.find('reply')) this.record(t.reassign(lead));
        }
        for (const t of this.find('respond')) if (t.departmentId !== lead) await run.stop(t, 'transferred');
        if (lead) await run.open('respond', lead);
        return;
      }
      case TicketEvents.acknowledged:
        await run.stopAll(['respond']);
        await run.open('resolve', lead);
        if (!this.find('reply').length) await run.open('reply', lead);
        for (const co of event.payload.coHandlerDepartmentIds) await run.open('co_handler_report', co);
        return;
      case TicketEvents.transferRequested:
        await run.open('transfer_arbitration', null);
        this.hold('transfer_pending');
        run.pause('transfer_pending');
        return;
      case TicketEvents.transferRejected:
        await run.stopAll(['transfer_arbitration']);
        await run.resume('transfer_pending');
        return;
      case TicketEvents.extensionRequested:
        this.hold('extension_pending');
        run.pause('extension_pending');
        return;
      case TicketEvents.extensionDecided: {
        const d = event.payload;
        await run.resume('extension_pending');
        const newDue = d.approved && d.newDueAt ? Date.parse(d.newDueAt) : NaN;
        if (Number.isFinite(newDue)) for (const t of this.find('resolve')) await run.extend(t, newDue);
        return;
      }
      case TicketEvents.partReported:
        for (const t of this.find('co_handler_report', event.payload.departmentId)) await run.stop(t);
        return;
      case TicketEvents.resolved:
        await run.stopAll(['resolve', 'co_handler_report']);
        if (!this.find('feedback').length) await run.open('feedback', null);
        return;
      case TicketEvents.replied:
        await run.stopAll(['reply']);
        if (event.payload.status === 'resolved' && !this.find('feedback').length)
          await run.open('feedback', null);
        return;
      case TicketEvents.feedbackGiven:
      case TicketEvents.closed:
      case TicketEvents.withdrawn:
        // A feedback given on a callback (回访) stops the committee's callback clock like any other.
        await run.stopAll();
        this.clearHolds();
        return;
      case TicketEvents.reopened:
        await run.stopAll();
        this.clearHolds();
        if (lead) await run.open('respond', lead);
        return;
      default:
        return;
    }
  }

  /**
   * The enterprise's feedback window lapsed (its breach fired at `at`): the window stops as breached
   * and the committee's callback clock (回访) opens from that instant, with the window of the policy
   * that sets it. Nothing when that feedback window is no longer open (feedback came, the ticket
   * closed or was reopened meanwhile).
   */
  async feedbackLapsed(feedbackTimerId: string, at: number, rules: RuleBook): Promise<void> {
    const lapsed = this.open.find((t) => t.id === feedbackTimerId && t.kind === 'feedback');
    if (!lapsed) return;
    const run = new Change(this, at, rules);
    await run.stop(lapsed, 'breached');
    await run.open('callback', null);
  }

  /** The conditions in force now. */
  get conditions(): readonly PauseCondition[] {
    return this.held.conditions;
  }

  /** A pause condition starts to hold. */
  private hold(condition: PauseCondition): void {
    if (this.held.conditions.includes(condition)) return;
    this.held.conditions = [...this.held.conditions, condition];
    this.heldChanged = true;
  }

  /** A pause condition no longer holds. */
  release(condition: PauseCondition): void {
    if (!this.held.conditions.includes(condition)) return;
    this.held.conditions = this.held.conditions.filter((c) => c !== condition);
    this.heldChanged = true;
  }

  private setRequests(ids: string[]): void {
    this.held.informationRequestIds = ids;
    this.heldChanged = true;
  }

  private clearHolds(): void {
    if (!this.held.conditions.length && !this.held.informationRequestIds.length) return;
    this.held = noHolds();
    this.heldChanged = true;
  }

  /** A timer opened by a change of `apply`. */
  add(timer: Timer): void {
    this.timers.push(timer);
  }

  /** An event of a change `apply` made; none when the change changed nothing. */
  record(event: SlaRecordedEvent | undefined): void {
    if (event) this.events.push(event);
  }
}

/** One event's changes to a ticket's timers, at the moment the event happened. */
class Change {
  constructor(
    private readonly timers: TicketTimers,
    private readonly at: number,
    private readonly rules: RuleBook,
  ) {}

  /**
   * Opens a timer of `kind` for the department unless one is open; none when no policy sets it. A
   * timer opened while a condition it pauses for holds starts paused.
   */
  async open(kind: SlaTimerKind, departmentId: string | null): Promise<void> {
    if (this.timers.find(kind, departmentId).length) return;
    const { ticket } = this.timers;
    const resolved = await this.rules.forNewTimer(ticket.category, ticket.urgency, kind);
    if (!resolved) return;
    const { timer, event } = Timer.open({
      id: newId(),
      ticketId: ticket.ticketId,
      kind,
      departmentId,
      policy: resolved.policy,
      rule: resolved.rule,
      calendar: await this.rules.calendar(resolved.policy.definition.calendarId),
      at: this.at,
    });
    this.timers.add(timer);
    this.timers.record(event);
    const holding = this.timers.conditions.find((c) => timer.pausesFor(c));
    if (holding) this.timers.record(timer.pause(holding, this.at));
  }

  async stop(t: Timer, outcome?: TimerOutcome): Promise<void> {
    this.timers.record(t.stop(this.at, await this.rules.calendar(t.calendarId), outcome));
  }

  async stopAll(kinds?: SlaTimerKind[], outcome?: TimerOutcome): Promise<void> {
    for (const t of this.timers.open) if (!kinds || kinds.includes(t.kind)) await this.stop(t, outcome);
  }

  pause(reason: PauseCondition): void {
    for (const t of this.timers.open) this.timers.record(t.pause(reason, this.at));
  }

  /** `reason` no longer holds: its timers count again, unless another condition in force holds them. */
  async resume(reason: PauseCondition): Promise<void> {
    this.timers.release(reason);
    for (const t of this.timers.open) {
      if (!t.isPausedFor(reason)) continue;
      const calendar = await this.rules.calendar(t.calendarId);
      this.timers.record(t.resume(reason, this.at, calendar, await this.ruleOf(t), this.timers.conditions));
    }
  }

  async extend(t: Timer, newDueMs: number): Promise<void> {
    this.timers.record(
      t.extend(newDueMs, this.at, await this.rules.calendar(t.calendarId), await this.ruleOf(t)),
    );
  }

  /** The rule of the timer's policy version; without one, a deadline with no warnings or escalations. */
  private async ruleOf(t: Timer) {
    return (
      (await this.rules.ofVersion(t.policyId, t.policyVersion, t.kind)) ?? {
        duration: { amount: 1, unit: 'seconds' as const },
        warnings: [],
        escalations: [],
        pauseWhen: [],
      }
    );
  }
}
