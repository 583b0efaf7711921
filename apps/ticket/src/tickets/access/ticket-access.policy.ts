import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { TicketAction } from '../domain/ticket-state-machine';

/** What the policy needs to know about a ticket (the aggregate and the read rows both have it). */
export interface TicketScope {
  enterpriseId: string;
  gridId: string | null;
  leadDepartmentId: string | null;
  coHandlerDepartmentIds: string[];
}

type Party = 'owner' | 'lead' | 'coHandler' | 'committee';

/** Who may take each action a person can take (system actions come from events, not people). */
const PARTY: Partial<Record<TicketAction, Party>> = {
  withdraw: 'owner',
  giveFeedback: 'owner',
  reopen: 'owner',
  close: 'owner',
  acknowledge: 'lead',
  requestTransfer: 'lead',
  interimReply: 'lead',
  requestExtension: 'lead',
  resolve: 'lead',
  reply: 'lead',
  reportPart: 'coHandler',
  decideExtension: 'committee',
  supervise: 'committee',
};

const PARTY_NAME: Record<Party, string> = {
  owner: 'the enterprise that raised it (or an instructor of its grid)',
  lead: 'the lead department',
  coHandler: 'a co-handling department',
  committee: 'the committee',
};

/**
 * Authorisation of the ticket service, in one place: who sees a ticket, who may act on it, and the
 * same visibility rule as SQL for the lists. A ticket the caller cannot see does not exist for
 * them (404), so its existence never leaks; a visible ticket the caller may not act on is a 403.
 */
export const TicketAccessPolicy = {
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

  isParty(user: AuthUser, party: Party, t: TicketScope): boolean {
    switch (party) {
      case 'owner':
        return (
          (user.role === 'enterprise' || user.role === 'instructor') && TicketAccessPolicy.canSee(user, t)
        );
      case 'lead':
        return user.role === 'department' && !!user.departmentId && t.leadDepartmentId === user.departmentId;
      case 'coHandler':
        return (
          user.role === 'department' &&
          !!user.departmentId &&
          t.coHandlerDepartmentIds.includes(user.departmentId)
        );
      case 'committee':
        return user.role === 'committee';
    }
  },

  /** Throws notFound when the caller cannot see the ticket, forbidden when they may not take the action. */
  assertMay(user: AuthUser, action: TicketAction, t: TicketScope & { id: string }): void {
    if (!TicketAccessPolicy.canSee(user, t)) throw ticketNotFound(t.id);
    const party = PARTY[action];
    if (!party || !TicketAccessPolicy.isParty(user, party, t)) {
      throw new DomainError(
        'forbidden',
        `only ${party ? PARTY_NAME[party] : 'the system'} may ${action} this ticket`,
        { action },
      );
    }
  },

  /**
   * The visibility rule as a SQL condition on alias `t` (tickets), with its parameters; null
   * means "sees everything".
   */
  sqlScope(user: AuthUser): { sql: string; params: Record<string, unknown> } | null {
    switch (user.role) {
      case 'enterprise':
        return {
          sql: 't.enterprise_id = :scopeEnterprise',
          params: { scopeEnterprise: user.enterpriseId ?? '' },
        };
      case 'instructor':
        return { sql: 't.grid_id = ANY(:scopeGrids)', params: { scopeGrids: user.gridIds ?? [] } };
      case 'department':
        return {
          sql: `(t.lead_department_id = :scopeDepartment OR EXISTS (SELECT 1 FROM ticket.ticket_parts p WHERE p.ticket_id = t.id AND p.department_id = :scopeDepartment))`,
          params: { scopeDepartment: user.departmentId ?? '' },
        };
      case 'committee':
      case 'admin':
        return null;
      default:
        return { sql: 'false', params: {} };
    }
  },
};

export const ticketNotFound = (id: string): DomainError =>
  new DomainError('notFound', `ticket ${id} was not found`, { ticketId: id });
