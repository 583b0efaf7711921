import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { notFound } from '@ticketing/platform';

/** What decides who may see a meeting: whom it invited, and who owns its decisions. */
export interface MeetingScope {
  id: string;
  invitedDepartmentIds: string[];
  /** The lead and co-handling departments of its decisions. */
  decisionDepartmentIds: string[];
}

/** What decides who may see a decision: its departments, and the enterprise whose ticket or need it is on. */
export interface DecisionScope {
  id: string;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
  enterpriseId: string | null;
}

const runsMeetings = (user: AuthUser): boolean => user.role === 'committee' || user.role === 'admin';

const param = (params: unknown[]) => (value: unknown) => {
  params.push(value);
  return `$${params.length}`;
};

/**
 * Authorisation of the meeting service, in one place, from the token's claims. The committee and
 * admin run meetings and see everything; a department sees the meetings it was invited to (or owns
 * a decision of) and the decisions it leads or co-handles, and reports on those; an enterprise sees
 * the decisions on its own tickets and needs; instructors have no part here. A record the caller may
 * not see does not exist for them (404); an action their role may not take is a 403.
 */
export const MeetingAccessPolicy = {
  /** Scheduling, changing, cancelling and recording meetings; closing decisions. */
  assertRunsMeetings(user: AuthUser): void {
    if (!runsMeetings(user))
      throw new DomainError('forbidden', 'only the committee and admin run joint meetings');
  },

  canSeeMeeting(user: AuthUser, m: MeetingScope): boolean {
    if (runsMeetings(user)) return true;
    if (user.role !== 'department' || !user.departmentId) return false;
    return (
      m.invitedDepartmentIds.includes(user.departmentId) ||
      m.decisionDepartmentIds.includes(user.departmentId)
    );
  },

  /** 404 for a meeting the caller may not see (or that is unknown: `m` null). */
  visibleMeeting<M extends MeetingScope>(user: AuthUser, id: string, m: M | null): M {
    if (!m || !MeetingAccessPolicy.canSeeMeeting(user, m)) throw notFound('meeting', id);
    return m;
  },

  canSeeDecision(user: AuthUser, d: DecisionScope): boolean {
    switch (user.role) {
      case 'committee':
      case 'admin':
        return true;
      case 'department':
        return (
          !!user.departmentId &&
          (d.leadDepartmentId === user.departmentId || d.coHandlerDepartmentIds.includes(user.departmentId))
        );
      case 'enterprise':
        return !!user.enterpriseId && d.enterpriseId === user.enterpriseId;
      default:
        return false;
    }
  },

  visibleDecision<D extends DecisionScope>(user: AuthUser, id: string, d: D | null): D {
    if (!d || !MeetingAccessPolicy.canSeeDecision(user, d)) throw notFound('decision', id);
    return d;
  },

  /** Reports come from the decision's departments; others who see it (committee, its enterprise) may not report. */
  assertMayReport(user: AuthUser, d: DecisionScope): string {
    MeetingAccessPolicy.visibleDecision(user, d.id, d);
    if (user.role !== 'department' || !user.departmentId)
      throw new DomainError('forbidden', 'the lead and co-handling departments report on a decision');
    return user.departmentId;
  },

  /** `mine`: a department's own decisions; it means nothing for a role without a department. */
  assertMineAllowed(user: AuthUser, mine: boolean | undefined): void {
    if (mine && user.role !== 'department')
      throw new DomainError('validation', 'mine: only a department has decisions of its own', {
        errors: [
          {
            field: 'mine',
            messages: ['mine=true is for a department (the decisions it leads or co-handles)'],
          },
        ],
      });
  },

  /** The visibility of meetings as SQL on alias `m` (meeting.meetings); null: everything. */
  meetingSql(user: AuthUser, params: unknown[]): string {
    const p = param(params);
    if (runsMeetings(user)) return 'true';
    if (user.role !== 'department' || !user.departmentId) return 'false';
    const dep = p(user.departmentId);
    return `(${dep} = ANY(m.invited_department_ids) OR EXISTS (SELECT 1 FROM meeting.decisions dd
      WHERE dd.meeting_id = m.id AND (dd.lead_department_id = ${dep} OR ${dep} = ANY(dd.co_handler_department_ids))))`;
  },

  /** The visibility of decisions as SQL on alias `d` (meeting.decisions). */
  decisionSql(user: AuthUser, params: unknown[]): string {
    const p = param(params);
    switch (user.role) {
      case 'committee':
      case 'admin':
        return 'true';
      case 'department': {
        if (!user.departmentId) return 'false';
        const dep = p(user.departmentId);
        return `(d.lead_department_id = ${dep} OR ${dep} = ANY(d.co_handler_department_ids))`;
      }
      case 'enterprise':
        return user.enterpriseId ? `d.enterprise_id = ${p(user.enterpriseId)}` : 'false';
      default:
        return 'false';
    }
  },
};
