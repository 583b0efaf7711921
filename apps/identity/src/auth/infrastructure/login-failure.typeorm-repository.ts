import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { LoginFailureState } from '../domain/lockout-policy';
import { LoginFailureRepository } from '../domain/login-failure.repository';
import { LoginFailureOrmEntity } from './login-failure.orm-entity';

@Injectable()
export class LoginFailureTypeormRepository extends LoginFailureRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  find(username: string): Promise<LoginFailureState | null> {
    return this.tx.manager.findOneBy(LoginFailureOrmEntity, { username });
  }

  async lock(username: string, now: Date): Promise<LoginFailureState | null> {
    const m = this.tx.writer;
    // A row to lock even for the first failure of a name, so two first failures are counted as two.
    await m.query(
      `INSERT INTO identity.login_failure (username, failures, window_started_at) VALUES ($1, 0, $2) ON CONFLICT (username) DO NOTHING`,
      [username, now],
    );
    const row = await m.findOneOrFail(LoginFailureOrmEntity, {
      where: { username },
      lock: { mode: 'pessimistic_write' },
    });
    return row.failures === 0 ? null : row;
  }

  async save(username: string, state: LoginFailureState): Promise<void> {
    await this.tx.writer.update(LoginFailureOrmEntity, { username }, state);
  }

  async clear(username: string): Promise<void> {
    await this.tx.writer.delete(LoginFailureOrmEntity, { username });
  }
}
