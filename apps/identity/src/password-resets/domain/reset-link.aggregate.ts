import { createHash, randomBytes } from 'node:crypto';
import { Actor } from '@ticketing/contracts';
import { invalidField } from '@ticketing/platform';

/** How long a link works after it was issued. */
export const RESET_LINK_TTL_HOURS = 24;

/** The token in a link: 256 random bits, URL-safe. Only its hash is stored. */
export const newResetToken = (): string => randomBytes(32).toString('base64url');
export const hashResetToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface ResetLinkState {
  id: string;
  userId: string;
  /** SHA-256 of the token (hex): the database never holds a working link. */
  tokenHash: string;
  issuedBy: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/**
 * A one-time link an admin gives a user who forgot the password: it sets a new password once,
 * within 24 hours of being issued.
 */
export class ResetLink {
  private constructor(private s: ResetLinkState) {}

  static issue(l: { id: string; userId: string; tokenHash: string }, actor: Actor, at: Date): ResetLink {
    return new ResetLink({
      ...l,
      issuedBy: actor.id,
      issuedAt: at,
      expiresAt: new Date(at.getTime() + RESET_LINK_TTL_HOURS * 3600_000),
      usedAt: null,
    });
  }

  static fromState(s: ResetLinkState): ResetLink {
    return new ResetLink(s);
  }

  get state(): Readonly<ResetLinkState> {
    return this.s;
  }

  /** Spends the link; a used or expired one is refused on the `token` field. */
  redeem(at: Date): void {
    if (this.s.usedAt) throw invalidField('token', 'this reset link has already been used');
    if (at >= this.s.expiresAt)
      throw invalidField('token', `this reset link expired at ${this.s.expiresAt.toISOString()}`);
    this.s = { ...this.s, usedAt: at };
  }
}
