import { TicketCopies, TicketCopy, TicketFact } from '../domain/ticket-copies';
import { copyAfter, foldTicketFacts } from '../domain/ticket-fact-fold';

/** The ticket copy in memory, for handler specs: the same fold as the real one, newest version wins. */
export class InMemoryTicketCopies extends TicketCopies {
  readonly rows = new Map<string, TicketCopy>();
  /** How many writes `applyAll` made (the real one: one statement per call). */
  writes = 0;

  async find(ticketId: string): Promise<TicketCopy | null> {
    return this.rows.get(ticketId) ?? null;
  }

  async applyAll(facts: readonly TicketFact[]): Promise<void> {
    const folded = foldTicketFacts(facts);
    if (!folded.length) return;
    this.writes++;
    for (const f of folded) this.rows.set(f.ticketId, copyAfter(this.rows.get(f.ticketId) ?? null, f));
  }
}
