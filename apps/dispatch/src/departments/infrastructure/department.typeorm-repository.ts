import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { Department } from '../domain/department';
import { DepartmentRepository } from '../domain/department.repository';
import { DepartmentOrmEntity } from './department.orm-entity';

@Injectable()
export class TypeormDepartmentRepository extends DepartmentRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async activeIds(): Promise<ReadonlySet<string>> {
    const rows = await this.tx.manager.find(DepartmentOrmEntity, {
      where: { active: true },
      select: { id: true },
    });
    return new Set(rows.map((r) => r.id));
  }

  async upsert(d: Department, asOf: Date): Promise<void> {
    await this.tx.writer.upsert(DepartmentOrmEntity, { ...d, updatedAt: asOf }, ['id']);
  }
}
