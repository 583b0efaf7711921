import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { RefreshTokenRepository } from '../../../auth/domain/refresh-token.repository';
import { actorOf } from '../../../shared/actor';
import { UserRepository } from '../../domain/user.repository';
import { ResetPasswordCommand } from './reset-password.command';

/**
 * No change of the user record to announce; the user's sessions end (directory.sessions-revoked),
 * so whoever held the old password is out of every service at once.
 */
@CommandHandler(ResetPasswordCommand)
export class ResetPasswordHandler implements ICommandHandler<ResetPasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(c: ResetPasswordCommand): Promise<void> {
    // Hash before the transaction: scrypt is slow on purpose, and the row lock should not wait on it.
    const passwordHash = await this.hasher.hash(c.newPassword);
    await this.uow.transaction(async () => {
      const user = await this.users.findByIdForUpdate(c.userId);
      if (!user) throw notFound('user', c.userId);
      const now = new Date();
      const actor = actorOf(c.user);
      user.resetPassword(passwordHash, actor, now);
      await this.users.save(user);
      await this.refreshTokens.endAllSessions({ userId: user.id, at: now, reason: 'password-reset', actor });
    });
  }
}
