import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { randomBytes } from 'node:crypto';
import { UserRepository } from '../../../users/domain/user.repository';
import { UserResponseDto } from '../../../users/user.response.dto';
import { SessionResponseDto } from '../../auth.response.dto';
import { PasswordHasher } from '../../domain/password-hasher';
import { LoginLockout } from '../../login-lockout';
import { SessionIssuer } from '../../session.issuer';
import { LoginCommand } from './login.command';

/** One answer for an unknown name and a wrong password, so neither can be told from the other. */
export const BAD_CREDENTIALS = 'wrong username or password';

@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, SessionResponseDto> {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly lockout: LoginLockout,
    private readonly sessions: SessionIssuer,
  ) {}

  async execute(c: LoginCommand): Promise<SessionResponseDto> {
    const username = c.username.trim().toLowerCase();
    await this.lockout.assertNotLocked(username, new Date());
    const user = await this.users.findByUsername(username);
    // An unknown name costs the same scrypt as a known one: response time reveals nothing.
    this.dummyHash ??= this.hasher.hash(randomBytes(16).toString('hex'));
    const ok = await this.hasher.verify(c.password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) {
      // The failure commits although the caller is refused: decide first, refuse after.
      const state = await this.uow.transaction(() => this.lockout.recordFailure(username, new Date()));
      await this.lockout.holdBack(state);
      throw new DomainError('unauthorized', BAD_CREDENTIALS);
    }
    if (!user.active)
      throw new DomainError('unauthorized', 'this account is disabled; ask the administrator');
    // Hash before the transaction: scrypt is slow on purpose, and no lock should wait on it.
    const rehash = this.hasher.needsRehash(user.passwordHash) ? await this.hasher.hash(c.password) : null;
    return this.uow.transaction(async () => {
      const now = new Date();
      await this.lockout.clear(username);
      const locked = rehash ? await this.users.findByIdForUpdate(user.id) : null;
      if (locked && rehash) {
        locked.rehashPassword(rehash);
        await this.users.save(locked);
      }
      return this.sessions.issue(UserResponseDto.from(locked ?? user), now);
    });
  }
}
