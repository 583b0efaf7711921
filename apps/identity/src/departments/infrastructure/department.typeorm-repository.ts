import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { DirectoryChangesWriter } from '../../directory/infrastructure/directory-changes.writer';
import { Department } from '../domain/department.aggregate';
import { DepartmentRepository } from '../domain/department.repository';
import { DepartmentOrmEntity } from './department.orm-entity';

@Injectable()
export class DepartmentTypeormRepository extends DepartmentRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly changes: DirectoryChangesWriter,
  ) {
    super();
  }

  async findByIdForUpdate(id: string): Promise<Department | null> {
    const row = await this.tx.writer.findOne(DepartmentOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && Department.fromState(row);
  }

  exists(id: string): Promise<boolean> {
    return this.tx.manager.existsBy(DepartmentOrmEntity, { id });
  }

  codeTaken(code: string): Promise<boolean> {
    return this.tx.manager.existsBy(DepartmentOrmEntity, { code });
  }

  async save(d: Department): Promise<void> {
    const m = this.tx.writer;
    const row: DepartmentOrmEntity = {
      id: d.id,
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      active: d.active,
      version: d.version,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
    await m.upsert(DepartmentOrmEntity, row, ['id']);
    await this.changes.write(m, 'department', d.id, d.pullChanges());
  }
}
