import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { userView } from '../../../users/infrastructure/user.reader';
import { SessionResponseDto } from '../../auth.response.dto';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { hashRefreshToken, RefreshTokens } from '../../infrastructure/refresh-tokens';
import { SessionIssuer } from '../../infrastructure/session.issuer';

type Outcome = { session: SessionResponseDto } | { refused: string };

/**
 * Rotation: each refresh token works once. A second use means it was copied; the whole family
 * (this login and every rotation of it) is revoked, so the thief's copy dies with the user's.
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(refreshToken: string): Promise<SessionResponseDto> {
    const now = new Date();
    // The revocation must commit even though the caller gets an error: decide first, throw after.
    const outcome = await this.ds.transaction(async (m): Promise<Outcome> => {
      const row = await m.findOne(RefreshTokenOrmEntity, {
        where: { tokenHash: hashRefreshToken(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row) return { refused: 'refresh token is not valid' };
      if (row.rotatedAt || row.revokedAt) {
        await RefreshTokens.revokeFamily(m, row.familyId, now);
        return {
          refused:
            'refresh token was already used or revoked; this login has been ended everywhere, log in again',
        };
      }
      if (row.expiresAt <= now) return { refused: 'refresh token has expired; log in again' };
      const user = await userView(m, row.userId);
      if (!user?.active) {
        await RefreshTokens.revokeFamily(m, row.familyId, now);
        return { refused: 'this account is disabled; ask the administrator' };
      }
      await m.update(RefreshTokenOrmEntity, { id: row.id }, { rotatedAt: now });
      return { session: await this.sessions.issue(m, user, row.familyId) };
    });
    if ('refused' in outcome) throw new DomainError('unauthorized', outcome.refused);
    return outcome.session;
  }
}
