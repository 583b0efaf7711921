import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { invalidField } from '@ticketing/platform';
import { UserRepository } from '../../../users/domain/user.repository';
import { PasswordHasher } from '../../domain/password-hasher';
import { RefreshTokenRepository } from '../../domain/refresh-token.repository';
import { LoginLockout } from '../../login-lockout';
import { ChangePasswordCommand } from './change-password.command';

const gone = () => new DomainError('unauthorized', 'this account is disabled or no longer exists');

/**
 * Wrong current passwords count towards the same lockout as logins: a stolen access token must
 * not become a way to guess the password.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockout,
  ) {}

  async execute(c: ChangePasswordCommand): Promise<void> {
    const found = await this.users.findById(c.user.id);
    if (!found?.active) throw gone();
    const key = found.username.toLowerCase();
    await this.lockout.assertNotLocked(key, new Date());
    if (!(await this.hasher.verify(c.currentPassword, found.passwordHash))) {
      // The failure commits although the caller is refused: decide first, refuse after.
      const state = await this.uow.transaction(() => this.lockout.recordFailure(key, new Date()));
      await this.lockout.holdBack(state);
      throw invalidField('currentPassword', 'currentPassword is not your current password');
    }
    if (c.newPassword === c.currentPassword)
      throw invalidField('newPassword', 'newPassword must differ from the current password');
    const passwordHash = await this.hasher.hash(c.newPassword);
    await this.uow.transaction(async () => {
      const user = await this.users.findByIdForUpdate(found.id);
      if (!user) throw gone();
      const now = new Date();
      user.changePassword(passwordHash, now);
      await this.users.save(user);
      // Whoever else held a session (perhaps why the password is being changed) is logged out, in
      // every service; the user logs in with the new password.
      await this.refreshTokens.endAllSessions({
        userId: user.id,
        at: now,
        reason: 'password-changed',
        actor: { id: user.id, role: user.role },
      });
    });
  }
}
