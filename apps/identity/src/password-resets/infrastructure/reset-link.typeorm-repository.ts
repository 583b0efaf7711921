import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { ResetLink } from '../domain/reset-link.aggregate';
import { ResetLinkRepository } from '../domain/reset-link.repository';
import { ResetLinkOrmEntity } from './reset-link.orm-entity';

@Injectable()
export class ResetLinkTypeormRepository extends ResetLinkRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findByTokenHashForUpdate(tokenHash: string): Promise<ResetLink | null> {
    const row = await this.tx.writer.findOne(ResetLinkOrmEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row && ResetLink.fromState(row);
  }

  async save(link: ResetLink): Promise<void> {
    await this.tx.writer.upsert(ResetLinkOrmEntity, { ...link.state }, ['id']);
  }
}
