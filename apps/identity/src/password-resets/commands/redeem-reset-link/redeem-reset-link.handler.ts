import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { invalidField } from '@ticketing/platform';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { RefreshTokenRepository } from '../../../auth/domain/refresh-token.repository';
import { UserRepository } from '../../../users/domain/user.repository';
import { hashResetToken } from '../../domain/reset-link.aggregate';
import { ResetLinkRepository } from '../../domain/reset-link.repository';
import { RedeemResetLinkCommand } from './redeem-reset-link.command';

/**
 * The user sets their own password (no change is asked for at the next login) and every session of
 * theirs ends (directory.sessions-revoked, reason password-reset), all with the link spent.
 */
@CommandHandler(RedeemResetLinkCommand)
export class RedeemResetLinkHandler implements ICommandHandler<RedeemResetLinkCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: ResetLinkRepository,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(c: RedeemResetLinkCommand): Promise<void> {
    // Hash before the transaction: scrypt is slow on purpose, and the row locks should not wait on it.
    const passwordHash = await this.hasher.hash(c.newPassword);
    await this.uow.transaction(async () => {
      const link = await this.links.findByTokenHashForUpdate(hashResetToken(c.token));
      if (!link) throw invalidField('token', 'this reset link is not valid');
      const now = Clock.now();
      link.redeem(now);
      const user = await this.users.findByIdForUpdate(link.state.userId);
      if (!user?.active) throw invalidField('token', 'the account of this reset link is disabled');
      user.changePassword(passwordHash, now);
      await this.users.save(user);
      await this.links.save(link);
      await this.refreshTokens.endAllSessions({
        userId: user.id,
        at: now,
        reason: 'password-reset',
        actor: { id: user.id, role: user.role },
      });
    });
  }
}
