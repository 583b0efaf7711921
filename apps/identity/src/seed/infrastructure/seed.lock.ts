import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

/** Two instances starting together must not both seed: the second waits, then finds it done. */
@Injectable()
export class SeedLock {
  constructor(private readonly tx: TransactionContext) {}

  /** Held until the unit of work ends. */
  async acquire(): Promise<void> {
    await this.tx.writer.query(`SELECT pg_advisory_xact_lock(hashtext('identity:seed'))`);
  }
}
