import { RefreshToken, RefreshTokenState } from '../domain/refresh-token';
import { RefreshTokenRepository } from '../domain/refresh-token.repository';
import { SessionEnd } from '../domain/session-end';

/** An end announced to the other services, as the TypeORM repository writes it to the outbox. */
export interface AnnouncedEnd extends SessionEnd {
  sessionId: string | null;
}

/** Refresh tokens in a map by id, for handler specs. */
export class InMemoryRefreshTokenRepository extends RefreshTokenRepository {
  readonly rows = new Map<string, RefreshTokenState>();
  /** Every `directory.sessions-revoked` the handlers caused, in order. */
  readonly ended: AnnouncedEnd[] = [];

  async findByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    return this.findByHash(tokenHash);
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    const row = [...this.rows.values()].find((t) => t.tokenHash === tokenHash);
    return row ? RefreshToken.fromState({ ...row }) : null;
  }

  async save(token: RefreshToken): Promise<void> {
    this.rows.set(token.id, token.state());
  }

  async endSession(familyId: string, end: SessionEnd): Promise<void> {
    let affected = 0;
    for (const t of this.rows.values())
      if (t.familyId === familyId && !t.revokedAt) {
        t.revokedAt = end.at;
        affected++;
      }
    if (affected) this.ended.push({ ...end, sessionId: familyId });
  }

  async endAllSessions(end: SessionEnd): Promise<void> {
    for (const t of this.rows.values()) if (t.userId === end.userId && !t.revokedAt) t.revokedAt = end.at;
    this.ended.push({ ...end, sessionId: null });
  }

  /** The tokens of a user still usable at `now`. */
  live(userId: string, now: Date): RefreshTokenState[] {
    return [...this.rows.values()].filter(
      (t) => t.userId === userId && !t.revokedAt && !t.rotatedAt && t.expiresAt > now,
    );
  }
}
