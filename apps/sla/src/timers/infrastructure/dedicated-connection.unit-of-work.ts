import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TransactionContext } from '@ticketing/database';
import { DataSource, QueryRunner } from 'typeorm';
import { FiringUnitOfWork } from '../commands/fire-due-steps/firing-unit-of-work';
import { SLA_SCHEMA } from '../../sla.constants';

/**
 * Units of work on a connection of their own, outside the pool, so that a burst of intake holding
 * every pooled connection cannot delay a firing. One unit at a time (the firing loop's); after a
 * failure the connection is dropped and the next unit opens a fresh one.
 */
@Injectable()
export class DedicatedConnectionUnitOfWork extends FiringUnitOfWork {
  private runner: QueryRunner | undefined;

  constructor(@InjectDataSource(SLA_SCHEMA) private readonly dataSource: DataSource) {
    super();
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const runner = await this.connection();
    try {
      await runner.startTransaction();
      const result = await TransactionContext.join(this.dataSource, runner.manager, work);
      await runner.commitTransaction();
      return result;
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await this.release();
      throw e;
    }
  }

  async release(): Promise<void> {
    const r = this.runner;
    this.runner = undefined;
    await r?.release().catch(() => undefined);
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.runner) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      this.runner = runner;
    }
    return this.runner;
  }
}
