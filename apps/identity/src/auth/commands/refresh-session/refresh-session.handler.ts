import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { UserRepository } from '../../../users/domain/user.repository';
import { UserResponseDto } from '../../../users/user.response.dto';
import { SessionResponseDto } from '../../auth.response.dto';
import { hashRefreshToken } from '../../domain/refresh-token';
import { RefreshTokenRepository } from '../../domain/refresh-token.repository';
import { SessionIssuer } from '../../session.issuer';
import { RefreshSessionCommand } from './refresh-session.command';

type Outcome = { session: SessionResponseDto } | { refused: string };

/**
 * Rotation: each refresh token works once. A second use means it was copied; the whole family
 * (this login and every rotation of it) is revoked, so the thief's copy dies with the user's.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, SessionResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(c: RefreshSessionCommand): Promise<SessionResponseDto> {
    const now = new Date();
    // The revocation must commit even though the caller gets an error: decide first, refuse after.
    const outcome = await this.uow.transaction(async (): Promise<Outcome> => {
      const token = await this.refreshTokens.findByHashForUpdate(hashRefreshToken(c.refreshToken));
      if (!token) return { refused: 'refresh token is not valid' };
      const verdict = token.verdict(now);
      if (verdict === 'reused') {
        // The access tokens of this login end with it, in every service.
        await this.refreshTokens.endSession(token.familyId, {
          userId: token.userId,
          at: now,
          reason: 'refresh-token-reused',
          actor: SYSTEM_ACTOR,
        });
        return {
          refused:
            'refresh token was already used or revoked; this login has been ended everywhere, log in again',
        };
      }
      if (verdict === 'expired') return { refused: 'refresh token has expired; log in again' };
      const user = await this.users.findById(token.userId);
      if (!user?.active) {
        // Deactivation already ended every session of the user; this only tidies the family up.
        await this.refreshTokens.endSession(token.familyId, {
          userId: token.userId,
          at: now,
          reason: 'deactivated',
          actor: SYSTEM_ACTOR,
        });
        return { refused: 'this account is disabled; ask the administrator' };
      }
      token.rotate(now);
      await this.refreshTokens.save(token);
      return { session: await this.sessions.issue(UserResponseDto.from(user), now, token.familyId) };
    });
    if ('refused' in outcome) throw new DomainError('unauthorized', outcome.refused);
    return outcome.session;
  }
}
