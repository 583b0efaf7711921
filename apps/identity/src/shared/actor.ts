import { AuthUser } from '@ticketing/auth';
import { Actor } from '@ticketing/contracts';

/** Who acted, as events and the audit trail record it: the id and the role, nothing else of the token. */
export const actorOf = (user: AuthUser): Actor => ({ id: user.id, role: user.role });
