import { SlaTimerKind } from '@ticketing/contracts';

/**
 * The SLA engine's view of each ticket's clocks, kept for the queue (sorting, due soon, overdue)
 * and the yellow/red flags. It is a read model: it never bumps the ticket version, so an actor's
 * expectedVersion is not made stale by a timer. Facts about a ticket this service does not know
 * (yet) are dropped: the SLA engine sends the deadline again whenever it moves.
 */
export abstract class TicketDeadlines {
  abstract resolveDueAt(ticketId: string): Promise<Date | null>;
  /**
   * When the enterprise's feedback window last lapsed (its red flag), while no new feedback window
   * opened since: the ticket waits for the committee's callback (待回访). Null otherwise.
   */
  abstract feedbackLapsedAt(ticketId: string): Promise<Date | null>;
  /** A clock's deadline, opened or moved (a resumed clock counts again: its pause ends). */
  abstract deadlineSet(ticketId: string, kind: SlaTimerKind, dueAt: string): Promise<void>;
  /** Red never goes back to yellow: a late warning after a breach must not hide the breach. */
  abstract flag(ticketId: string, kind: SlaTimerKind, level: 'yellow' | 'red', at: Date): Promise<void>;
  /** The clock stopped counting (e.g. while the enterprise is asked for information), and why. */
  abstract paused(ticketId: string, kind: SlaTimerKind, reason: string): Promise<void>;
  /** A stopped clock no longer needs watching; its flag leaves the queue (the ledger keeps the history). */
  abstract stopped(ticketId: string, kind: SlaTimerKind): Promise<void>;
}
