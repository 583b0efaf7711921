import { TicketChannel, TicketStatus } from '@ticketing/contracts';

/** What the search is asked, checked at the edge (search-tickets.request.dto.ts). */
export interface SearchFilters {
  status?: TicketStatus[];
  category?: string[];
  channel?: TicketChannel[];
  gridId?: string[];
  /** Tickets this department leads or co-handles. */
  departmentId?: string;
  /** Submitted at or after this instant. */
  from?: Date;
  /** Submitted before this instant. */
  to?: Date;
  /** Past their respond/resolve deadline or flagged red, as the lists say it. */
  overdue?: boolean;
}

/**
 * The matches ranked are at most the CANDIDATES most recent ones: a word found in half the
 * zone's tickets is answered with the best of its latest thousands, and the answer says there
 * are more (ADR 0015). Pages reach as far as the candidates.
 */
export const SEARCH_CANDIDATES = 2000;
export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_QUERY_LENGTH = 100;
