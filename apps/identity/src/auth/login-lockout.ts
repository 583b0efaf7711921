import { Inject, Injectable } from '@nestjs/common';
import { LOGIN_FAILURE_DELAY } from '../identity.tokens';
import { AccountLockedError } from './domain/account-locked.error';
import { failureDelayMs, LoginFailureState, lockStatus, recordFailure } from './domain/lockout-policy';
import { LoginFailureRepository } from './domain/login-failure.repository';

export type Delay = (ms: number) => Promise<void>;

export const sleep: Delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The lockout policy applied to the stored failures of a name (lower-cased, existing or not):
 * logins and password changes count towards the same lock, so a stolen access token is no way to
 * guess the password either.
 */
@Injectable()
export class LoginLockout {
  constructor(
    private readonly failures: LoginFailureRepository,
    @Inject(LOGIN_FAILURE_DELAY) private readonly delay: Delay,
  ) {}

  async assertNotLocked(username: string, now: Date): Promise<void> {
    const status = lockStatus(await this.failures.find(username), now);
    if (status.locked) throw new AccountLockedError(status.retryAfterSeconds);
  }

  /**
   * Counts one more failure, in the caller's unit of work: a unit of its own, since it must commit
   * although the caller is refused.
   */
  async recordFailure(username: string, now: Date): Promise<LoginFailureState> {
    const next = recordFailure(await this.failures.lock(username, now), now);
    await this.failures.save(username, next);
    return next;
  }

  /** Each failure in a row is answered a little later than the one before. */
  holdBack(state: LoginFailureState): Promise<void> {
    return this.delay(failureDelayMs(state.failures));
  }

  /** A successful login starts counting afresh (in the caller's unit of work). */
  clear(username: string): Promise<void> {
    return this.failures.clear(username);
  }
}
