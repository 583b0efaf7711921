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
 * The copy of tickets. `apply` keeps the newest: a fact older than the one held (by the ticket's
 * aggregate version) changes nothing, so a late redelivery cannot roll a ticket back.
 */
export abstract class TicketCopies {
  abstract find(ticketId: string): Promise<TicketCopy | null>;
  abstract apply(fact: TicketFact): Promise<void>;
}
