import { AuthUser } from './auth-user';

export interface Revocation {
  userId: string;
  /** null: every session of the user. */
  sessionId: string | null;
  /** Tokens issued before this instant (epoch ms) no longer work. */
  revokedAt: number;
}

interface Watch {
  user: AuthUser;
  end: () => void;
}

/**
 * The sessions that ended before their tokens expire (deactivation, role or scope change, password
 * reset, logout), held in memory so the guard checks a token without a database read. Each service
 * keeps the revocations it learns from `directory.sessions-revoked` in its own table and feeds them
 * here (`SessionRevocationFeed` in @ticketing/platform); the process holds one registry, which the
 * standalone's services share. An open event stream is watched: the revocation that ends its
 * session ends the stream.
 */
export class SessionRevocations {
  private readonly byUser = new Map<string, number>();
  private readonly bySession = new Map<string, number>();
  private readonly watches = new Map<string, Set<Watch>>();

  apply(r: Revocation): void {
    const map = r.sessionId ? this.bySession : this.byUser;
    const key = r.sessionId ? `${r.userId}\u0000${r.sessionId}` : r.userId;
    const before = map.get(key);
    if (before !== undefined && before >= r.revokedAt) return;
    map.set(key, r.revokedAt);
    const open = this.watches.get(r.userId);
    if (!open) return;
    for (const w of [...open]) if (this.isRevoked(w.user)) w.end();
  }

  /** A token without an issue time predates this mechanism: it is refused once its user was revoked. */
  isRevoked(user: AuthUser): boolean {
    const issued = user.issuedAt ?? 0;
    const all = this.byUser.get(user.id);
    if (all !== undefined && issued < all) return true;
    if (!user.sessionId) return false;
    const one = this.bySession.get(`${user.id}\u0000${user.sessionId}`);
    return one !== undefined && issued < one;
  }

  /**
   * Calls `end` once a revocation ends the session of `user` (an open event stream). Returns the
   * function that stops watching (the stream closed on its own).
   */
  watch(user: AuthUser, end: () => void): () => void {
    let open = this.watches.get(user.id);
    if (!open) this.watches.set(user.id, (open = new Set()));
    let done = false;
    const w: Watch = {
      user,
      end: () => {
        stop();
        end();
      },
    };
    const stop = () => {
      if (done) return;
      done = true;
      open.delete(w);
      if (!open.size && this.watches.get(user.id) === open) this.watches.delete(user.id);
    };
    open.add(w);
    return stop;
  }

  /** Open streams being watched (for metrics and tests). */
  get watching(): number {
    let n = 0;
    for (const s of this.watches.values()) n += s.size;
    return n;
  }

  /** Forgets revocations older than any token could be (their tokens expired anyway). */
  prune(olderThan: number): void {
    for (const map of [this.byUser, this.bySession])
      for (const [k, at] of map) if (at < olderThan) map.delete(k);
  }
}
