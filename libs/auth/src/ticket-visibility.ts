import { DomainError } from '@ticketing/contracts';
import { AuthUser } from './auth-user';

/** What decides who may see a ticket; every service that shows ticket data keeps these facts. */
export interface TicketScope {
  enterpriseId: string | null;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
}

/**
 * Who sees a ticket, the one rule for every service: its enterprise; an instructor of its grid;
 * its lead and co-handling departments; the committee and admin. A ticket the caller cannot see
 * does not exist for them: every service answers 404, so a ticket's existence never leaks.
 */
export const TicketVisibility: {
  canSee(user: AuthUser, t: TicketScope): boolean;
  assertCanSee(user: AuthUser, ticketId: string, t: TicketScope | null): asserts t is TicketScope;
} = {
  canSee(user: AuthUser, t: TicketScope): boolean {
    switch (user.role) {
      case 'enterprise':
        return !!user.enterpriseId && user.enterpriseId === t.enterpriseId;
      case 'instructor':
        return !!t.gridId && (user.gridIds ?? []).includes(t.gridId);
      case 'department':
        return (
          !!user.departmentId &&
          (t.leadDepartmentId === user.departmentId || t.coHandlerDepartmentIds.includes(user.departmentId))
        );
      case 'committee':
      case 'admin':
        return true;
      default:
        return false;
    }
  },

  /** Throws the 404 of an unknown ticket when the caller may not see it (or it is unknown: `t` null). */
  assertCanSee(user: AuthUser, ticketId: string, t: TicketScope | null): asserts t is TicketScope {
    if (!t || !TicketVisibility.canSee(user, t)) throw ticketNotFound(ticketId);
  },
};

export const ticketNotFound = (id: string): DomainError =>
  new DomainError('notFound', `ticket ${id} was not found`, { ticketId: id });
