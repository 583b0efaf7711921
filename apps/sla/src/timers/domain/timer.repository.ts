import { DecisionClock, DecisionFacts } from './decision-clock.aggregate';
import { RecomputeJob } from './recompute-job';
import { SlaRecordedEvent } from './sla-event';
import { TicketFacts, TicketHolds, TicketTimers } from './ticket-timers.aggregate';
import { Timer } from './timer.aggregate';

/** An open timer to recompute, with what its ticket's policies match. */
export interface GovernedTimer {
  timer: Timer;
  category: string;
  urgency: string;
}

/**
 * Timers (the port handlers depend on). `save` writes the timers opened or changed, replaces the
 * unfired steps of those replanned (fired steps stay, so a step fires once per timer), and appends
 * the events to the outbox, all in the open unit of work.
 */
export abstract class TimerRepository {
  /**
   * Records what ticket events say of their tickets (each ticket's row lock orders its events; a
   * ticket given twice keeps the facts given last) and loads each ticket's open timers and the
   * pauses in force, locked until the unit of work ends: one TicketTimers per ticket, in the order
   * the tickets were first given.
   */
  abstract openTimersOf(tickets: readonly TicketFacts[]): Promise<TicketTimers[]>;
  /** The same for a ticket the engine already knows (an event of its own about it); null when it knows none. */
  abstract knownTicket(ticketId: string): Promise<TicketTimers | null>;
  /** Writes the ticket's pause conditions in force and its unanswered information requests. */
  abstract saveHolds(ticketId: string, holds: TicketHolds): Promise<void>;
  /** A decision's facts (null when unknown) and its open clock, locked until the unit of work ends. */
  abstract decisionClock(decisionId: string): Promise<DecisionClock>;
  abstract saveDecision(facts: DecisionFacts): Promise<void>;
  /** The next open timers a recompute job goes over (by id, after its cursor), locked. */
  abstract governedBy(job: RecomputeJob, limit: number): Promise<GovernedTimer[]>;
  abstract save(timers: readonly Timer[], events: readonly SlaRecordedEvent[]): Promise<void>;
}
