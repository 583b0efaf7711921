/** What outreach knows of a ticket from the ticket events: who may see it, how it ended, its visit. */
export interface TicketCopy {
  ticketId: string;
  number: string;
  enterpriseId: string;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  status: string;
  visitId: string | null;
  visitProblemIndex: number | null;
  /** The enterprise's latest say on the current round: solved or not, and how satisfied (null: not rated). */
  solved: boolean | null;
  satisfaction: string | null;
  closedAt: Date | null;
  sourceVersion: number;
}

/** One ticket event, as the copy takes it. `outcome` undefined: unchanged; null: cleared (reopened). */
export interface TicketFact {
  ticketId: string;
  number: string;
  enterpriseId: string;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  status: string;
  visit?: { id: string; problemIndex: number | null };
  outcome?: { solved: boolean | null; satisfaction: string | null } | null;
  closedAt?: Date | null;
  sourceVersion: number;
}

/**
 * The copy of tickets. It keeps the newest: a fact older than the one held (by the ticket's
 * aggregate version) changes nothing, so a late redelivery cannot roll a ticket back.
 */
export abstract class TicketCopies {
  abstract find(ticketId: string): Promise<TicketCopy | null>;
  /**
   * Applies facts about any number of tickets, several per ticket, in the order given (delivery
   * order), with exactly the effect of applying them one by one; each ticket's facts are folded
   * first (`foldTicketFacts`), so that the whole list is one write.
   */
  abstract applyAll(facts: readonly TicketFact[]): Promise<void>;
}
