import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { failureDelayMs, lockStatus, recordFailure } from '../domain/lockout-policy';
import { LoginFailureOrmEntity } from './login-failure.orm-entity';

export class AccountLockedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'tooManyRequests',
      `too many failed logins: this account is locked; try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`,
      {
        retryAfterSeconds,
      },
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Applies the lockout policy to stored failures, keyed by the lower-cased username typed. */
@Injectable()
export class LoginFailures {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async assertNotLocked(username: string, now = new Date()): Promise<void> {
    const status = lockStatus(
      await this.ds.getRepository(LoginFailureOrmEntity).findOneBy({ username }),
      now,
    );
    if (status.locked) throw new AccountLockedError(status.retryAfterSeconds);
  }

  /** Counts the failure (serialised per name by a row lock), then holds the answer back a little. */
  async fail(username: string, now = new Date()): Promise<void> {
    const state = await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO identity.login_failure (username, failures, window_started_at) VALUES ($1, 0, $2) ON CONFLICT (username) DO NOTHING`,
        [username, now],
      );
      const row = await m.findOneOrFail(LoginFailureOrmEntity, {
        where: { username },
        lock: { mode: 'pessimistic_write' },
      });
      const next = recordFailure(row.failures === 0 ? null : row, now);
      await m.update(LoginFailureOrmEntity, { username }, next);
      return next;
    });
    await sleep(failureDelayMs(state.failures));
  }

  async clear(username: string): Promise<void> {
    await this.ds.getRepository(LoginFailureOrmEntity).delete({ username });
  }
}
