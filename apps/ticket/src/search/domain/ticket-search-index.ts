/**
 * The search projection (ticket.ticket_search): one row per ticket, rewritten in the unit of work
 * that saves the ticket (by the ticket repository's save, in its statement), so a search never sees
 * a ticket other than as it was committed.
 */
export abstract class TicketSearchIndex {
  /** Recomputes the rows of an enterprise's tickets (its name or credit code changed). */
  abstract refreshEnterprise(enterpriseId: string): Promise<void>;
}

/** The enterprises' credit codes and current names, as the directory last told this service. */
export interface SearchEnterprise {
  id: string;
  name: string;
  creditCode: string;
}

export abstract class SearchDirectory {
  /**
   * Keeps the enterprise when `asOf` is not older than what is held; true when its name or credit
   * code changed (its tickets must be indexed again).
   */
  abstract upsert(e: SearchEnterprise, asOf: Date): Promise<boolean>;
}
