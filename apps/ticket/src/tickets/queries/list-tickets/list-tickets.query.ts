import { AuthUser } from '@ticketing/auth';
import { TicketChannel, TicketStatus } from '@ticketing/contracts';
import { Query } from '@ticketing/platform';
import { IsDefined, IsObject } from 'class-validator';

export const TicketFlags = ['yellow', 'red'] as const;
export type TicketFlag = (typeof TicketFlags)[number];

export const TicketSorts = ['newest', 'deadline'] as const;
export type TicketSort = (typeof TicketSorts)[number];

/** The list's filters and page, as the HTTP query string gives them (already checked there). */
export interface TicketListFilter {
  status?: TicketStatus[];
  category?: string[];
  dueSoonHours?: number;
  overdue?: boolean;
  pendingExtension?: boolean;
  enterpriseId?: string;
  /** Led or co-handled by this department. */
  departmentId?: string;
  /** The ticket's card: red when any clock is past its deadline, yellow when one is close and none past. */
  flag?: TicketFlag;
  /** Submitted on or after this day (YYYY-MM-DD, Beijing time). */
  submittedFrom?: string;
  /** Submitted on or before this day (YYYY-MM-DD, Beijing time). */
  submittedTo?: string;
  /** 承办人: only the tickets the caller handles. */
  assignedToMe?: boolean;
  /** Only the tickets this person handles (a department's lead looking at one of its staff). */
  handlerUserId?: string;
  /** 待回访: resolved, the feedback window lapsed without a rating (the committee's callback queue). */
  awaitingCallback?: boolean;
  /** Only tickets with a question waiting for the enterprise's answer (补充材料). */
  awaitingInformation?: boolean;
  /** 受理渠道. */
  channel?: TicketChannel[];
  sort?: TicketSort;
  limit?: number;
  cursor?: string;
}

export class ListTicketsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsObject() readonly filter!: TicketListFilter;
}
