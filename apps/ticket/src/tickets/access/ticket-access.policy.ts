import { AuthUser, ticketNotFound, TicketScope, TicketVisibility } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { invalid } from '../domain/ticket.errors';
import { TicketAction } from '../domain/ticket-state-machine';

/** What the policy needs to know about a ticket (the aggregate and the read rows both have it). */
export type { TicketScope };

/** participant: anyone working on or served by the ticket; staff: its departments and the committee. */
type Party = 'owner' | 'lead' | 'coHandler' | 'committee' | 'participant' | 'staff';

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
  requestInformation: 'lead',
  provideInformation: 'owner',
  postMessage: 'participant',
  addNote: 'staff',
  assignHandler: 'lead',
  merge: 'committee',
  link: 'committee',
  recordCallback: 'committee',
};

const PARTY_NAME: Record<Party, string> = {
  owner: 'the enterprise that raised it (or an instructor of its grid)',
  lead: 'the lead department',
  coHandler: 'a co-handling department',
  committee: 'the committee',
  participant: 'the enterprise, its instructor, the departments on it or the committee',
  staff: 'the departments on it or the committee',
};

/**
 * Authorisation of the ticket service, in one place: who sees a ticket, who may act on it, and the
 * same visibility rule as SQL for the lists. A ticket the caller cannot see does not exist for
 * them (404), so its existence never leaks; a visible ticket the caller may not act on is a 403.
 */
export const TicketAccessPolicy = {
  /** The one visibility rule of every service (libs/auth). */
  canSee(user: AuthUser, t: TicketScope): boolean {
    return TicketVisibility.canSee(user, t);
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
      case 'participant':
        return (['owner', 'lead', 'coHandler', 'committee'] as const).some((p) =>
          TicketAccessPolicy.isParty(user, p, t),
        );
      case 'staff':
        return TicketAccessPolicy.canReadNotes(user, t);
    }
  },

  /**
   * 内部备注: the departments on the ticket and the committee read its notes (and the files kept
   * with them); the enterprise and its instructor never do, nor the admin, who runs the system
   * but takes no part in handling.
   */
  canReadNotes(user: AuthUser, t: TicketScope): boolean {
    if (user.role === 'committee') return true;
    return user.role === 'department' && TicketAccessPolicy.canSee(user, t);
  },

  /**
   * Whether the caller is shown the other tickets tied to one (duplicates merged into it, linked
   * tickets): staff and the admin; never the enterprise or its instructor, since those tickets
   * are usually other enterprises'.
   */
  seesOtherTickets(user: AuthUser): boolean {
    return user.role === 'department' || user.role === 'committee' || user.role === 'admin';
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
   * Which enterprise a submission is for: an enterprise user's own (only); for an instructor, the
   * one named in the request (its grid is checked once it is loaded, by `submissionGrid`).
   */
  enterpriseToSubmitFor(user: AuthUser, requested: string | undefined): string {
    if (user.role === 'enterprise') {
      if (!user.enterpriseId)
        throw new DomainError('forbidden', 'your account is not linked to an enterprise');
      if (requested && requested !== user.enterpriseId)
        throw new DomainError('forbidden', 'an enterprise may submit only for itself');
      return user.enterpriseId;
    }
    if (!requested)
      throw invalid(
        'enterpriseId',
        `enterpriseId is required when ${user.role === 'committee' ? 'committee staff log a ticket' : 'an instructor submits'}`,
      );
    return requested;
  },

  /**
   * The ticket's grid: the enterprise's, or the one asked for when it has none. An instructor may
   * submit only for enterprises of their own grids.
   */
  submissionGrid(
    user: AuthUser,
    enterprise: { id: string; gridId: string | null },
    requestedGridId: string | undefined,
  ): string | null {
    if (
      user.role === 'instructor' &&
      !(enterprise.gridId && (user.gridIds ?? []).includes(enterprise.gridId))
    ) {
      throw new DomainError('forbidden', `enterprise ${enterprise.id} is not in one of your grids`);
    }
    if (requestedGridId && enterprise.gridId && requestedGridId !== enterprise.gridId) {
      throw invalid('gridId', `must be the enterprise's grid (${enterprise.gridId}) or omitted`);
    }
    const gridId = requestedGridId ?? enterprise.gridId;
    if (user.role === 'instructor' && !(gridId && (user.gridIds ?? []).includes(gridId))) {
      throw new DomainError('forbidden', 'you may submit only for enterprises in your grids');
    }
    return gridId;
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

export { ticketNotFound };
