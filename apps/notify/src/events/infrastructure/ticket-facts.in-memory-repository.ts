import { emptyFacts, TicketFacts } from '../domain/event-view';
import { TicketFactsRepository } from '../domain/ticket-facts.repository';

const copy = (f: TicketFacts): TicketFacts => ({
  ...f,
  coHandlerDepartmentIds: [...f.coHandlerDepartmentIds],
});

/** Ticket facts in a map, for handler specs. */
export class InMemoryTicketFactsRepository extends TicketFactsRepository {
  readonly rows = new Map<string, TicketFacts>();

  async lockAll(ticketIds: readonly string[]): Promise<Map<string, TicketFacts>> {
    return new Map(
      ticketIds.map((id) => {
        const known = this.rows.get(id);
        return [id, known ? copy(known) : emptyFacts(id)];
      }),
    );
  }

  async saveAll(facts: readonly TicketFacts[]): Promise<void> {
    for (const f of facts) this.rows.set(f.ticketId, copy(f));
  }
}
