import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { EntityManager } from 'typeorm';
import { Department } from '../domain/department';
import { DepartmentRepository } from '../domain/department.repository';
import { DepartmentOrmEntity } from './department.orm-entity';

/** The table the settings cache keeps the routing read of (its trigger: DispatchSettingsFeed). */
const DEPARTMENTS_TABLE = 'departments';

const activeIdsIn = async (m: EntityManager): Promise<string[]> =>
  (await m.find(DepartmentOrmEntity, { where: { active: true }, select: { id: true } })).map((r) => r.id);

@Injectable()
export class TypeormDepartmentRepository extends DepartmentRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async activeIds(): Promise<ReadonlySet<string>> {
    return new Set(await activeIdsIn(this.tx.manager));
  }

  /** Read for every ticket: from the settings cache (the ids; a fresh set per read) while no department changes. */
  async activeIdsForRouting(): Promise<ReadonlySet<string>> {
    const m = this.tx.manager;
    const ids = await this.cache.read(m, [DEPARTMENTS_TABLE], 'active-ids', async () =>
      Object.freeze(await activeIdsIn(m)),
    );
    return new Set(ids);
  }

  async upsert(d: Department, asOf: Date): Promise<void> {
    const m = this.tx.writer;
    // This transaction reads the departments from the database from now on; the commit tells every cache.
    this.cache.touch(m, DEPARTMENTS_TABLE);
    await m.upsert(DepartmentOrmEntity, { ...d, updatedAt: asOf }, ['id']);
  }
}
