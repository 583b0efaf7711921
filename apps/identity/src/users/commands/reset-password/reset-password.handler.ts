import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { AuditTrail } from '../../../audit/audit.trail';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { RefreshTokens } from '../../../auth/infrastructure/refresh-tokens';
import { notFound } from '../../../shared/problems';
import { UserAccountOrmEntity } from '../../infrastructure/user-account.orm-entity';

/** No directory event: nothing another service knows about the user changes. */
@Injectable()
export class ResetPasswordHandler {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  async execute(id: string, newPassword: string, actor: AuthUser): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    await this.ds.transaction(async (m) => {
      const row = await m.findOne(UserAccountOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('user', id);
      const now = new Date();
      await m.update(UserAccountOrmEntity, { id }, { passwordHash, mustChangePassword: true, passwordChangedAt: now, updatedAt: now });
      await RefreshTokens.revokeAllOfUser(m, id, now);
      await this.audit.append(m, { actor, action: 'user.password-reset', entityType: 'user', entityId: id });
    });
  }
}
