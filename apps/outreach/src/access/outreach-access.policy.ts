import { AuthUser } from '@ticketing/auth';
import { DomainError, NeedStatus } from '@ticketing/contracts';
import { notFound } from '@ticketing/platform';

/** What decides who may see an enterprise's outreach file: the enterprise and its grid. */
export interface EnterpriseScope {
  id: string;
  gridId: string | null;
}

export interface NeedScope {
  id: string;
  enterpriseId: string;
  gridId: string | null;
  ownerDepartmentId: string | null;
}

export interface VisitScope {
  id: string;
  enterpriseId: string;
  instructorUserId: string;
}

export interface NeedChange {
  status?: NeedStatus;
  ownerDepartmentId?: string | null;
  ticketId?: string | null;
  note?: string | null;
}

const inGrids = (user: AuthUser, gridId: string | null): boolean =>
  !!gridId && (user.gridIds ?? []).includes(gridId);

const seesAll = (user: AuthUser): boolean => user.role === 'committee' || user.role === 'admin';

/** A SQL condition on the given columns, with positional parameters appended to `params`. */
export interface SqlScope {
  sql: string;
  params: unknown[];
}

/**
 * Authorisation of the outreach service, in one place, from the token's claims (role, enterprise,
 * department, grids) and the directory copy. An instructor sees the enterprises of their grids and
 * their own records; an enterprise its own file and needs, and its visits without the internal
 * notes; a department the needs routed to it; the committee and admin everything. A record the
 * caller may not see does not exist for them (404), so its existence never leaks; one they see
 * but may not change is a 403.
 */
export const OutreachAccessPolicy = {
  /** The enterprise's file (who to call): everyone who deals with it. */
  canSeeEnterprise(user: AuthUser, e: EnterpriseScope): boolean {
    switch (user.role) {
      case 'committee':
      case 'admin':
      case 'department':
        return true;
      case 'instructor':
        return inGrids(user, e.gridId);
      case 'enterprise':
        return !!user.enterpriseId && user.enterpriseId === e.id;
      default:
        return false;
    }
  },

  /** 404 for an enterprise the caller may not see (or that is unknown: `e` null). */
  visibleEnterprise<E extends EnterpriseScope>(user: AuthUser, id: string, e: E | null): E {
    if (!e || !OutreachAccessPolicy.canSeeEnterprise(user, e)) throw notFound('enterprise', id);
    return e;
  },

  /** Visits and the work log are an instructor's, for the enterprises of their grids. */
  visitableEnterprise<E extends EnterpriseScope>(user: AuthUser, id: string, e: E | null): E {
    if (user.role !== 'instructor') throw new DomainError('forbidden', 'only an instructor records visits');
    if (!e || !inGrids(user, e.gridId)) throw notFound('enterprise', id);
    return e;
  },

  /** An enterprise adds its own needs, an instructor those of their grids, the committee any. */
  needTargetEnterprise<E extends EnterpriseScope>(user: AuthUser, id: string, e: E | null): E {
    const may =
      !!e &&
      (seesAll(user) ||
        (user.role === 'instructor' && inGrids(user, e.gridId)) ||
        (user.role === 'enterprise' && user.enterpriseId === e.id));
    if (!may) throw notFound('enterprise', id);
    return e;
  },

  canSeeNeed(user: AuthUser, n: NeedScope): boolean {
    switch (user.role) {
      case 'committee':
      case 'admin':
        return true;
      case 'instructor':
        return inGrids(user, n.gridId);
      case 'enterprise':
        return !!user.enterpriseId && user.enterpriseId === n.enterpriseId;
      case 'department':
        return !!user.departmentId && user.departmentId === n.ownerDepartmentId;
      default:
        return false;
    }
  },

  /**
   * Who may change what on a need they see: the committee anything; the owning department and the
   * grid's instructor the progress (status, ticket, note); the enterprise may close its own need.
   * Only the committee routes a need to a department.
   */
  assertMayChangeNeed(user: AuthUser, n: NeedScope, change: NeedChange): void {
    if (!OutreachAccessPolicy.canSeeNeed(user, n)) throw notFound('need', n.id);
    if (seesAll(user)) return;
    if (change.ownerDepartmentId !== undefined)
      throw new DomainError('forbidden', 'only the committee routes a need to a department');
    if (user.role === 'enterprise') {
      if (change.ticketId !== undefined || (change.status !== undefined && change.status !== 'closed'))
        throw new DomainError('forbidden', 'an enterprise may only close its own need, with a note');
    }
  },

  canSeeVisit(user: AuthUser, v: VisitScope): boolean {
    switch (user.role) {
      case 'committee':
      case 'admin':
        return true;
      case 'instructor':
        return user.id === v.instructorUserId;
      case 'enterprise':
        return !!user.enterpriseId && user.enterpriseId === v.enterpriseId;
      default:
        return false;
    }
  },

  /** The enterprise sees that it was visited and what was raised, never the instructor's notes or photos. */
  seesVisitNotes(user: AuthUser): boolean {
    return user.role !== 'enterprise';
  },

  /** Task lists, the work log and plan-against-done are the instructor's own records. */
  canSeeInstructorRecords(user: AuthUser, instructorUserId: string): boolean {
    return seesAll(user) || (user.role === 'instructor' && user.id === instructorUserId);
  },

  /** An instructor sees their task list once the committee published it. */
  canSeeTaskList(user: AuthUser, list: { instructorUserId: string; status: string }): boolean {
    return (
      seesAll(user) ||
      (user.role === 'instructor' && user.id === list.instructorUserId && list.status === 'published')
    );
  },

  /** Whose instructor records a list shows: the committee chooses (or all: null), an instructor gets their own. */
  instructorFilter(user: AuthUser, requested: string | undefined): string | null {
    if (seesAll(user)) return requested ?? null;
    if (user.role === 'instructor') {
      if (requested && requested !== user.id) throw notFound('instructor', requested);
      return user.id;
    }
    throw new DomainError('forbidden', 'instructor records are the instructor’s and the committee’s');
  },

  /** The visibility of visits as SQL on alias `v` (outreach.visits); null: everything. */
  visitSql(user: AuthUser, params: unknown[]): string | null {
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    switch (user.role) {
      case 'committee':
      case 'admin':
        return null;
      case 'instructor':
        return `v.instructor_user_id = ${p(user.id)}`;
      case 'enterprise':
        return `v.enterprise_id = ${p(user.enterpriseId ?? '')}`;
      default:
        return 'false';
    }
  },

  /** The visibility of needs as SQL on alias `n` (outreach.needs); null: everything. */
  needSql(user: AuthUser, params: unknown[]): string | null {
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    switch (user.role) {
      case 'committee':
      case 'admin':
        return null;
      case 'instructor':
        return `n.grid_id = ANY(${p(user.gridIds ?? [])})`;
      case 'enterprise':
        return `n.enterprise_id = ${p(user.enterpriseId ?? '')}`;
      case 'department':
        return `n.owner_department_id = ${p(user.departmentId ?? '')}`;
      default:
        return 'false';
    }
  },

  /** The visibility of enterprise files as SQL on alias `e` (outreach.directory_enterprises); null: everything. */
  enterpriseSql(user: AuthUser, params: unknown[]): string | null {
    const p = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    switch (user.role) {
      case 'committee':
      case 'admin':
      case 'department':
        return null;
      case 'instructor':
        return `e.grid_id = ANY(${p(user.gridIds ?? [])})`;
      case 'enterprise':
        return `e.id = ${p(user.enterpriseId ?? '')}`;
      default:
        return 'false';
    }
  },
};
