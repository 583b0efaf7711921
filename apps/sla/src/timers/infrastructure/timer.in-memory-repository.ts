import { DecisionClock, DecisionFacts } from '../domain/decision-clock.aggregate';
import { PlannedFiring } from '../domain/firing-plan';
import { RecomputeJob } from '../domain/recompute-job';
import { SlaRecordedEvent } from '../domain/sla-event';
import { TicketFacts, TicketHolds, TicketTimers, noHolds } from '../domain/ticket-timers.aggregate';
import { Timer, TimerSnapshot } from '../domain/timer.aggregate';
import { GovernedTimer, TimerRepository } from '../domain/timer.repository';

/** Timers in memory, for handler specs: what was saved, the steps planned, the events recorded. */
export class InMemoryTimerRepository extends TimerRepository {
  readonly tickets = new Map<string, TicketFacts>();
  readonly holds = new Map<string, TicketHolds>();
  readonly decisions = new Map<string, DecisionFacts>();
  readonly timers = new Map<string, TimerSnapshot>();
  /** Unfired steps by timer id. */
  readonly firings = new Map<string, PlannedFiring[]>();
  readonly events: SlaRecordedEvent[] = [];
  saves = 0;

  constructor(timers: TimerSnapshot[] = []) {
    super();
    for (const t of timers) this.timers.set(t.id, t);
  }

  async openTimersOf(tickets: readonly TicketFacts[]): Promise<TicketTimers[]> {
    const last = new Map(tickets.map((t) => [t.ticketId, t]));
    for (const t of last.values()) this.tickets.set(t.ticketId, t);
    return [...last.values()].map(
      (t) => new TicketTimers(t, this.openOf(t.ticketId, false), this.holds.get(t.ticketId)),
    );
  }

  async knownTicket(ticketId: string): Promise<TicketTimers | null> {
    const ticket = this.tickets.get(ticketId);
    return ticket ? new TicketTimers(ticket, this.openOf(ticketId, false), this.holds.get(ticketId)) : null;
  }

  async saveHolds(ticketId: string, holds: TicketHolds): Promise<void> {
    this.holds.set(ticketId, { ...noHolds(), ...holds });
  }

  async decisionClock(decisionId: string): Promise<DecisionClock> {
    return new DecisionClock(this.decisions.get(decisionId) ?? null, this.openOf(decisionId, true));
  }

  async saveDecision(facts: DecisionFacts): Promise<void> {
    this.decisions.set(facts.decisionId, facts);
  }

  private openOf(key: string, decision: boolean): Timer[] {
    return [...this.timers.values()]
      .filter((t) => t.ticketId === key && t.state !== 'stopped' && (t.kind === 'decision') === decision)
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1))
      .map((t) => Timer.restore(t));
  }

  async governedBy(job: RecomputeJob, limit: number): Promise<GovernedTimer[]> {
    return [...this.timers.values()]
      .filter(
        (t) =>
          t.state !== 'stopped' &&
          (job.scope === 'policy' ? t.policyId : t.calendarId) === job.target &&
          (job.cursor === null || t.id > job.cursor),
      )
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, limit)
      .map((t) => {
        const ticket = this.tickets.get(t.ticketId);
        return { timer: Timer.restore(t), category: ticket?.category ?? '', urgency: ticket?.urgency ?? '' };
      });
  }

  async save(timers: readonly Timer[], events: readonly SlaRecordedEvent[]): Promise<void> {
    this.saves += 1;
    for (const t of timers) {
      if (t.isChanged) this.timers.set(t.id, t.snapshot());
      if (t.plannedFirings) this.firings.set(t.id, [...t.plannedFirings]);
    }
    this.events.push(...events);
  }

  ofTicket(ticketId: string): TimerSnapshot[] {
    return [...this.timers.values()]
      .filter((t) => t.ticketId === ticketId)
      .sort((a, b) => a.startedAt - b.startedAt || (a.id < b.id ? -1 : 1));
  }
}
