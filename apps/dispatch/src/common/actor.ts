import { AuthUser } from '@ticketing/auth';
import { Actor } from '@ticketing/contracts';

export const actorOf = (user: AuthUser): Actor => ({ id: user.id, role: user.role });
