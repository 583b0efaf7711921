import { emptyFacts, TicketFacts } from '../domain/event-view';
import { TicketFactsRepository } from '../domain/ticket-facts.repository';

/** Ticket facts in a map, for handler specs. */
export class InMemoryTicketFactsRepository extends TicketFactsRepository {
  readonly rows = new Map<string, TicketFacts>();

  async lock(ticketId: string): Promise<TicketFacts> {
    const known = this.rows.get(ticketId);
    return known
      ? { ...known, coHandlerDepartmentIds: [...known.coHandlerDepartmentIds] }
      : emptyFacts(ticketId);
  }

  async save(facts: TicketFacts): Promise<void> {
    this.rows.set(facts.ticketId, { ...facts });
  }
}
