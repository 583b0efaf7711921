import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { LoginAttemptCount, LoginAttempts } from '../domain/login-attempts';

/**
 * One row per client address: one statement counts an attempt or opens a new window, atomically
 * across instances, on the database's clock (instances' clocks may differ).
 */
@Injectable()
export class LoginAttemptsTypeormRepository extends LoginAttempts {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async count(client: string, windowSeconds: number): Promise<LoginAttemptCount> {
    const [row]: { attempts: number; retry_after: string }[] = await this.tx.manager.query(
      `INSERT INTO identity.login_attempt AS a (client, window_start, attempts) VALUES ($1, clock_timestamp(), 1)
       ON CONFLICT (client) DO UPDATE SET
         window_start = CASE WHEN a.window_start <= clock_timestamp() - make_interval(secs => $2) THEN clock_timestamp() ELSE a.window_start END,
         attempts = CASE WHEN a.window_start <= clock_timestamp() - make_interval(secs => $2) THEN 1 ELSE a.attempts + 1 END
       RETURNING attempts, extract(epoch FROM a.window_start + make_interval(secs => $2) - clock_timestamp()) AS retry_after`,
      [client, windowSeconds],
    );
    // A client's first attempt in a while: forget the addresses whose windows ended long ago.
    if (row.attempts === 1)
      await this.tx.manager.query(
        `DELETE FROM identity.login_attempt WHERE window_start < clock_timestamp() - make_interval(secs => $1 * 10)`,
        [windowSeconds],
      );
    return { attempts: row.attempts, retryAfterSeconds: Math.max(1, Math.ceil(Number(row.retry_after))) };
  }
}
