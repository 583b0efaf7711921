import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 is enough here: the token is 256 random bits, not a guessable password. */
export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export interface RefreshTokenState {
  id: string;
  /** One login and every rotation of it. */
  familyId: string;
  userId: string;
  /** Only the hash is stored. */
  tokenHash: string;
  expiresAt: Date;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

/** What presenting a refresh token means. */
export type RefreshVerdict =
  | 'usable'
  /** Rotated or revoked and shown again: it was copied, so the whole login must end. */
  | 'reused'
  | 'expired';

/** A single-use refresh token: each refresh rotates it into a new one of the same family. */
export class RefreshToken {
  private constructor(private s: RefreshTokenState) {}

  static fromState(s: RefreshTokenState): RefreshToken {
    return new RefreshToken(s);
  }

  /** A new opaque token in `familyId` (a new family on login): the secret goes to the client only. */
  static issue(
    ids: { id: string; familyId: string; userId: string },
    ttlDays: number,
    now: Date,
  ): { token: RefreshToken; secret: string } {
    const secret = randomBytes(32).toString('base64url');
    const token = new RefreshToken({
      ...ids,
      tokenHash: hashRefreshToken(secret),
      expiresAt: new Date(now.getTime() + ttlDays * 86_400_000),
      createdAt: now,
      rotatedAt: null,
      revokedAt: null,
    });
    return { token, secret };
  }

  get id(): string {
    return this.s.id;
  }
  get familyId(): string {
    return this.s.familyId;
  }
  get userId(): string {
    return this.s.userId;
  }
  get expiresAt(): Date {
    return this.s.expiresAt;
  }

  verdict(now: Date): RefreshVerdict {
    if (this.s.rotatedAt || this.s.revokedAt) return 'reused';
    return this.s.expiresAt <= now ? 'expired' : 'usable';
  }

  /** Used once: from now on, showing it again is a reuse. */
  rotate(now: Date): void {
    this.s = { ...this.s, rotatedAt: now };
  }

  state(): RefreshTokenState {
    return { ...this.s };
  }
}
