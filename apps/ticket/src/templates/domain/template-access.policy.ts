import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { TemplateFilter } from './reply-template.repository';
import { TemplateScope } from './reply-template.aggregate';

const notFound = (id: string) =>
  new DomainError('notFound', `template ${id} was not found`, { templateId: id });

/**
 * Who keeps and who reads 常用语: the committee keeps the zone-wide templates, a department its
 * own; a department reads the zone's and its own, the committee every one. Another department's
 * template does not exist for a department (404); a zone template it reads but may not change (403).
 */
export const TemplateAccessPolicy = {
  /** The scope a new template of this caller gets. */
  scopeFor(user: AuthUser): { scope: TemplateScope; departmentId: string | null } {
    if (user.role === 'committee') return { scope: 'zone', departmentId: null };
    if (user.role === 'department' && user.departmentId)
      return { scope: 'department', departmentId: user.departmentId };
    throw new DomainError('forbidden', 'only the committee and departments keep reply templates');
  },

  canRead(user: AuthUser, t: { scope: TemplateScope; departmentId: string | null }): boolean {
    if (user.role === 'committee') return true;
    if (user.role !== 'department') return false;
    return t.scope === 'zone' || (!!user.departmentId && t.departmentId === user.departmentId);
  },

  /** 404 when the caller cannot read it (or it is gone), 403 when they read it but do not own it. */
  assertMayChange(
    user: AuthUser,
    id: string,
    t: { scope: TemplateScope; departmentId: string | null } | null,
  ): void {
    if (!t || !TemplateAccessPolicy.canRead(user, t)) throw notFound(id);
    const owns =
      t.scope === 'zone'
        ? user.role === 'committee'
        : user.role === 'department' && t.departmentId === user.departmentId;
    if (!owns)
      throw new DomainError(
        'forbidden',
        t.scope === 'zone'
          ? 'zone-wide templates are kept by the committee'
          : "a department's templates are kept by that department",
      );
  },

  assertMayRead(user: AuthUser, id: string, t: { scope: TemplateScope; departmentId: string | null } | null) {
    if (!t || !TemplateAccessPolicy.canRead(user, t)) throw notFound(id);
  },

  /** What the caller's list holds (a department: the zone's and its own; the committee: all, or one department). */
  listFilter(user: AuthUser, departmentId?: string): TemplateFilter {
    if (user.role === 'committee')
      return departmentId
        ? { zone: true, departmentIds: [departmentId] }
        : { zone: true, departmentIds: 'all' };
    if (user.role === 'department' && user.departmentId)
      return { zone: true, departmentIds: [user.departmentId] };
    throw new DomainError('forbidden', 'reply templates are for the committee and departments');
  },
};
