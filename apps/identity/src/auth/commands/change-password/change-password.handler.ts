import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { fieldProblem } from '../../../shared/problems';
import { UserAccountOrmEntity } from '../../../users/infrastructure/user-account.orm-entity';
import { PasswordHasher } from '../../domain/password-hasher';
import { LoginFailures } from '../../infrastructure/login-guard.service';
import { RefreshTokens } from '../../infrastructure/refresh-tokens';
import { ChangePasswordRequestDto } from './change-password.request.dto';

/**
 * Wrong current passwords count towards the same lockout as logins: a stolen access token must
 * not become a way to guess the password.
 */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly failures: LoginFailures,
  ) {}

  async execute(caller: AuthUser, dto: ChangePasswordRequestDto): Promise<void> {
    const user = await this.ds
      .getRepository(UserAccountOrmEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: caller.id })
      .getOne();
    if (!user?.active) throw new DomainError('unauthorized', 'this account is disabled or no longer exists');
    const key = user.username.toLowerCase();
    await this.failures.assertNotLocked(key);
    if (!(await this.hasher.verify(dto.currentPassword, user.passwordHash))) {
      await this.failures.fail(key);
      throw fieldProblem([
        { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
      ]);
    }
    if (dto.newPassword === dto.currentPassword) {
      throw fieldProblem([
        { field: 'newPassword', messages: ['newPassword must differ from the current password'] },
      ]);
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.ds.transaction(async (m) => {
      const now = new Date();
      await m.update(
        UserAccountOrmEntity,
        { id: user.id },
        { passwordHash, mustChangePassword: false, passwordChangedAt: now, updatedAt: now },
      );
      // Whoever else held a session (perhaps why the password is being changed) is logged out.
      await RefreshTokens.revokeAllOfUser(m, user.id, now);
    });
  }
}
