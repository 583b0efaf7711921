import { createHash, randomBytes } from 'node:crypto';
import { newId } from '@ticketing/contracts';
import { EntityManager, IsNull } from 'typeorm';
import { RefreshTokenOrmEntity } from './refresh-token.orm-entity';

/** SHA-256 is enough here: the token is 256 random bits, not a guessable password. */
export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');

export const RefreshTokens = {
  /** A new opaque token in `familyId` (a new family on login); only its hash is stored. */
  async issue(
    m: EntityManager,
    userId: string,
    familyId: string,
    ttlDays: number,
    now = new Date(),
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlDays * 86_400_000);
    await m.insert(RefreshTokenOrmEntity, {
      id: newId(),
      familyId,
      userId,
      tokenHash: hashRefreshToken(token),
      expiresAt,
      createdAt: now,
      rotatedAt: null,
      revokedAt: null,
    });
    return { token, expiresAt };
  },

  async revokeFamily(m: EntityManager, familyId: string, now = new Date()): Promise<void> {
    await m.update(RefreshTokenOrmEntity, { familyId, revokedAt: IsNull() }, { revokedAt: now });
  },

  /** Password changed, reset or account deactivated: every session of the user ends. */
  async revokeAllOfUser(m: EntityManager, userId: string, now = new Date()): Promise<void> {
    await m.update(RefreshTokenOrmEntity, { userId, revokedAt: IsNull() }, { revokedAt: now });
  },
};
