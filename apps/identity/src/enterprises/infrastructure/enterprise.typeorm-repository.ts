import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Not } from 'typeorm';
import { DirectoryChangesWriter } from '../../directory/infrastructure/directory-changes.writer';
import { Enterprise } from '../domain/enterprise.aggregate';
import { EnterpriseRepository } from '../domain/enterprise.repository';
import { EnterpriseOrmEntity } from './enterprise.orm-entity';

@Injectable()
export class EnterpriseTypeormRepository extends EnterpriseRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly changes: DirectoryChangesWriter,
  ) {
    super();
  }

  async findByIdForUpdate(id: string): Promise<Enterprise | null> {
    const row = await this.tx.writer.findOne(EnterpriseOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && Enterprise.fromState(row);
  }

  exists(id: string): Promise<boolean> {
    return this.tx.manager.existsBy(EnterpriseOrmEntity, { id });
  }

  creditCodeTaken(creditCode: string, exceptId?: string): Promise<boolean> {
    return this.tx.manager.existsBy(EnterpriseOrmEntity, {
      creditCode,
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
  }

  async save(e: Enterprise): Promise<void> {
    const m = this.tx.writer;
    const row: EnterpriseOrmEntity = {
      id: e.id,
      name: e.name,
      creditCode: e.creditCode,
      industry: e.industry,
      address: e.address,
      gridId: e.gridId,
      contacts: e.contacts,
      active: e.active,
      version: e.version,
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
    };
    await m.upsert(EnterpriseOrmEntity, row, ['id']);
    await this.changes.write(m, 'enterprise', e.id, e.pullChanges());
  }
}
