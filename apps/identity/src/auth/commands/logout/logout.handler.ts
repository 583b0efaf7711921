import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { SYSTEM_ACTOR } from '@ticketing/contracts';
import { UserRepository } from '../../../users/domain/user.repository';
import { hashRefreshToken } from '../../domain/refresh-token';
import { RefreshTokenRepository } from '../../domain/refresh-token.repository';
import { LogoutCommand } from './logout.command';

/**
 * Ends the login the token belongs to, and only that one: its refresh tokens, and (announced to
 * every service) the access tokens issued to it. An unknown token is already as good as logged out.
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly users: UserRepository,
  ) {}

  execute(c: LogoutCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const token = await this.refreshTokens.findByHash(hashRefreshToken(c.refreshToken));
      if (!token) return;
      const user = await this.users.findById(token.userId);
      await this.refreshTokens.endSession(token.familyId, {
        userId: token.userId,
        at: new Date(),
        reason: 'logout',
        actor: user ? { id: user.id, role: user.role } : SYSTEM_ACTOR,
      });
    });
  }
}
