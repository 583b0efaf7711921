import { Actor, SessionRevocationReason } from '@ticketing/contracts';

/**
 * A login that ends before its tokens expire. Its refresh tokens are revoked, and every service
 * hears `directory.sessions-revoked` in the same transaction: from then on their guards refuse the
 * access tokens issued before `at` (of every session of the user, or of the one session named).
 */
export interface SessionEnd {
  userId: string;
  at: Date;
  reason: SessionRevocationReason;
  actor: Actor;
}
