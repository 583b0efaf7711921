import { TicketFacts } from './event-view';

/**
 * notify's copy of the ticket facts its messages quote and its recipients are chosen by. A port:
 * the TypeORM implementation stores them, the in-memory one serves the handler specs.
 */
export abstract class TicketFactsRepository {
  /** The facts known so far (empty ones for a ticket not seen yet), locked while one event updates them. */
  abstract lock(ticketId: string): Promise<TicketFacts>;

  abstract save(facts: TicketFacts): Promise<void>;
}
