import { SlaTimerKind } from '@ticketing/contracts';

export const SlaClockChanges = ['set', 'yellow', 'red', 'paused', 'stopped'] as const;
export type SlaClockChange = (typeof SlaClockChanges)[number];

/** What the SLA engine said of one of a ticket's clocks. */
export interface SlaClockFact {
  ticketId: string;
  kind: SlaTimerKind;
  change: SlaClockChange;
  /** For `set`: the new deadline (ISO 8601). */
  dueAt?: string;
  /** For `paused`: why the clock stopped counting (e.g. awaiting_enterprise). */
  reason?: string;
  /** When it happened (a red feedback flag: when the feedback window lapsed). */
  at: Date;
}

/** The contract of `TicketDeadlines.record`, checked by each implementation: one fact per ticket. */
export function assertOneFactPerTicket(facts: readonly SlaClockFact[]): void {
  if (new Set(facts.map((f) => f.ticketId)).size !== facts.length)
    throw new Error('TicketDeadlines.record takes one fact per ticket');
}

/**
 * The SLA engine's view of each ticket's clocks, kept for the queue (sorting, due soon, overdue)
 * and the yellow/red flags. It is a read model: it never bumps the ticket version, so an actor's
 * expectedVersion is not made stale by a timer. Facts about a ticket this service does not know
 * (yet) are dropped: the SLA engine sends the deadline again whenever it moves.
 *
 * What each fact does to a ticket's clock:
 * - `set`: the deadline, opened or moved; the clock's flag starts afresh and its pause ends (a
 *   resumed clock counts again); a new feedback window ends the wait for a callback of the last one.
 *   A kind the queue has no column for shows nothing (and a `set` without a deadline is not sent);
 * - `yellow` / `red`: the flag; red never goes back to yellow (a late warning after a breach must
 *   not hide the breach); a red feedback flag starts the wait for the committee's callback (待回访);
 * - `paused`: the clock stopped counting (e.g. while the enterprise is asked), and why;
 * - `stopped`: the clock no longer needs watching; its deadline, flag and pause leave the queue
 *   (the ledger keeps the history).
 */
export abstract class TicketDeadlines {
  abstract resolveDueAt(ticketId: string): Promise<Date | null>;
  /**
   * When the enterprise's feedback window last lapsed (its red flag), while no new feedback window
   * opened since: the ticket waits for the committee's callback (待回访). Null otherwise.
   */
  abstract feedbackLapsedAt(ticketId: string): Promise<Date | null>;
  /**
   * Records these facts, each about another ticket (a caller with several facts about one ticket
   * records them in turn), with the effect of recording them one by one.
   */
  abstract record(facts: readonly SlaClockFact[]): Promise<void>;
}
