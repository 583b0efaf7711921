import { TicketFacts } from './event-view';

/**
 * notify's copy of the ticket facts its messages quote and its recipients are chosen by. A port:
 * the TypeORM implementation stores them, the in-memory one serves the handler specs.
 */
export abstract class TicketFactsRepository {
  /**
   * The facts known so far of each ticket (empty ones for a ticket not seen yet), every one of
   * them locked for the rest of the unit of work. One read for all: a delivered batch names several
   * tickets. Every asked id is in the answer.
   */
  abstract lockAll(ticketIds: readonly string[]): Promise<Map<string, TicketFacts>>;

  /** Stores the facts of each ticket (one write for all; a ticket given twice keeps the last). */
  abstract saveAll(facts: readonly TicketFacts[]): Promise<void>;
}
