import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { UserAccountOrmEntity } from '../../../users/infrastructure/user-account.orm-entity';
import { userView } from '../../../users/infrastructure/user.reader';
import { SessionResponseDto } from '../../auth.response.dto';
import { PasswordHasher } from '../../domain/password-hasher';
import { LoginFailures } from '../../infrastructure/login-guard.service';
import { SessionIssuer } from '../../infrastructure/session.issuer';
import { LoginRequestDto } from './login.request.dto';

/** One answer for an unknown name and a wrong password, so neither can be told from the other. */
export const BAD_CREDENTIALS = 'wrong username or password';

@Injectable()
export class LoginHandler {
  private dummyHash?: Promise<string>;

  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly failures: LoginFailures,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(dto: LoginRequestDto): Promise<SessionResponseDto> {
    const username = dto.username.trim().toLowerCase();
    await this.failures.assertNotLocked(username);
    const user = await this.ds
      .getRepository(UserAccountOrmEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.username) = :username', { username })
      .getOne();
    // An unknown name costs the same scrypt as a known one: response time reveals nothing.
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    const ok = await this.hasher.verify(dto.password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) {
      await this.failures.fail(username);
      throw new DomainError('unauthorized', BAD_CREDENTIALS);
    }
    if (!user.active)
      throw new DomainError('unauthorized', 'this account is disabled; ask the administrator');
    await this.failures.clear(username);
    const rehash = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(dto.password) : null;
    return this.ds.transaction(async (m) => {
      if (rehash) await m.update(UserAccountOrmEntity, { id: user.id }, { passwordHash: rehash });
      return this.sessions.issue(m, (await userView(m, user.id))!);
    });
  }
}
