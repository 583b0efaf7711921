import { RefreshToken } from './refresh-token';
import { SessionEnd } from './session-end';

/**
 * The refresh tokens of every login (by hash only). Ending a login revokes its refresh tokens and
 * announces the end on the directory topic in the same unit of work, so the access tokens already
 * handed out stop working in every service too.
 */
export abstract class RefreshTokenRepository {
  /** Locks the token for the rest of the unit of work: one refresh at a time can rotate it. */
  abstract findByHashForUpdate(tokenHash: string): Promise<RefreshToken | null>;
  abstract findByHash(tokenHash: string): Promise<RefreshToken | null>;
  /** Stores a new token, or a rotated one. */
  abstract save(token: RefreshToken): Promise<void>;
  /** Ends one login (the family is the session): a logout, or a copied refresh token; announced once. */
  abstract endSession(familyId: string, end: SessionEnd): Promise<void>;
  /** Password changed or reset, account deactivated, role or scope changed: every login of the user ends. */
  abstract endAllSessions(end: SessionEnd): Promise<void>;
}
