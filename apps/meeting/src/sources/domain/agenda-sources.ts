/** What the meeting service knows of a ticket from the ticket events: enough to put it on an agenda. */
export interface TicketCopy {
  ticketId: string;
  number: string;
  /** From ticket.submitted; null when the copy began with a later event. */
  title: string | null;
  enterpriseId: string;
  enterpriseName: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  status: string;
  sourceVersion: number;
}

/** One ticket event as the copy takes it; title and enterprise name only come with ticket.submitted. */
export interface TicketFact {
  ticketId: string;
  number: string;
  enterpriseId: string;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
  status: string;
  sourceVersion: number;
  title?: string;
  enterpriseName?: string;
}

/** What outreach says of an enterprise's need (需求清单). */
export interface NeedCopy {
  needId: string;
  enterpriseId: string;
  enterpriseName: string | null;
  title: string | null;
  kind: string;
  status: string;
  ownerDepartmentId: string | null;
}

/** outreach.need-added carries the title and enterprise name; need-updated does not. */
export interface NeedFact {
  needId: string;
  enterpriseId: string;
  kind: string;
  status: string;
  ownerDepartmentId: string | null;
  asOf: Date;
  title?: string;
  enterpriseName?: string;
}

/** Why a ticket was sent to the joint meeting: the SLA ladder's last step, or the committee's supervision at that level. */
export const CandidateReasons = ['escalation', 'supervision'] as const;
export type CandidateReason = (typeof CandidateReasons)[number];

/** Ticket statuses that take a ticket off the candidates: nothing left to discuss. */
export const FINISHED_TICKET_STATUSES: readonly string[] = ['closed', 'withdrawn'];

/**
 * Where an agenda comes from: the tickets the escalation ladder sent to the joint meeting (agenda
 * candidates), and the copies of tickets and needs the committee may add by hand. A candidate is
 * pending until its ticket goes on the agenda of a meeting that is not cancelled (after it was
 * raised), or the ticket is closed or withdrawn.
 */
export abstract class AgendaSources {
  abstract findTicket(ticketId: string): Promise<TicketCopy | null>;
  abstract findNeed(needId: string): Promise<NeedCopy | null>;
  /**
   * Facts in delivery order (several tickets, several each), with the effect of applying them one
   * by one: newest wins (by the ticket's aggregate version), so a late redelivery cannot roll a
   * ticket back; title and enterprise name are kept when a newer fact carries none. Folded per
   * ticket (foldTicketFacts) and written at once.
   */
  abstract applyTickets(facts: readonly TicketFact[]): Promise<void>;
  /** Newest wins (by the event's time). */
  abstract applyNeed(fact: NeedFact): Promise<void>;
  /** Raised again later: the later time counts (a ticket may come back to a later meeting). */
  abstract raiseCandidate(c: {
    ticketId: string;
    reason: CandidateReason;
    at: Date;
    note: string;
  }): Promise<void>;
  abstract isPendingCandidate(ticketId: string): Promise<boolean>;
}
