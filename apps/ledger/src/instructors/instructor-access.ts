import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';

/**
 * Who sees which instructor's figures. The ranking is published: the committee, admins and every
 * instructor see it (names, scores and the counts behind each part). The explanation (which visits,
 * which tickets) is an instructor's own record: the committee and admins see anyone's, an
 * instructor only their own; another's is not found (404), like any record that is not yours.
 */
export function assertMaySeeInstructor(user: AuthUser, instructorUserId: string): void {
  if (user.role === 'committee' || user.role === 'admin') return;
  if (user.role === 'instructor' && user.id === instructorUserId) return;
  throw new DomainError('notFound', `no instructor ${instructorUserId} among your records`, {
    instructorUserId,
  });
}

/** Whose allowance counts a caller sees: everyone's for the committee and admins, an instructor their own. */
export const allowanceScope = (user: AuthUser): string | undefined =>
  user.role === 'committee' || user.role === 'admin' ? undefined : user.id;
