import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';

/**
 * Whose figures a caller may see: the committee and admins see every department; a department
 * user sees its own, and asking for another's is refused rather than silently narrowed.
 */
export function departmentScope(user: AuthUser, requested: string | undefined): string | undefined {
  if (user.role === 'committee' || user.role === 'admin') return requested;
  if (user.role === 'department' && user.departmentId) {
    if (requested && requested !== user.departmentId) {
      throw new DomainError('forbidden', 'a department may only see its own figures', {
        departmentId: requested,
      });
    }
    return user.departmentId;
  }
  throw new DomainError('forbidden', `role ${user.role} may not see department figures`);
}
