import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryUser,
  EnterpriseDirectory,
} from '../domain/enterprise-directory';
import { DirectoryEnterpriseOrmEntity, DirectoryUserOrmEntity } from './directory.orm-entity';

@Injectable()
export class TypeormEnterpriseDirectory extends EnterpriseDirectory {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  /**
   * Read on every submission: from the settings cache while ticket.directory_enterprises does not
   * change (its settings trigger: TicketSettingsFeed1766000000000); an enterprise not (yet) copied
   * is cached too, as null. The cache holds a frozen plain row; every caller gets its own copy.
   */
  async findEnterprise(id: string): Promise<DirectoryEnterprise | null> {
    const m = this.tx.manager;
    const row = await this.cache.read(m, ['directory_enterprises'], `enterprise:${id}`, async () => {
      const r = await m.findOneBy(DirectoryEnterpriseOrmEntity, { id });
      return r && Object.freeze({ id: r.id, name: r.name, gridId: r.gridId, active: r.active });
    });
    return row && { id: row.id, name: row.name, gridId: row.gridId, active: row.active };
  }

  /**
   * Identity's events, in the inbox's transaction (the writer here): that transaction reads the
   * enterprises from the database until it ends; the others drop them when it commits.
   */
  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void> {
    this.cache.touch(this.tx.writer, 'directory_enterprises');
    await this.tx.writer.query(
      `INSERT INTO ticket.directory_enterprises (id, name, grid_id, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE ticket.directory_enterprises.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [e.id, e.name, e.gridId, e.active, asOf],
    );
  }

  async upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO ticket.directory_departments (id, code, name, name_en, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, name_en = EXCLUDED.name_en,
         active = EXCLUDED.active, source_occurred_at = EXCLUDED.source_occurred_at
       WHERE ticket.directory_departments.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [d.id, d.code, d.name, d.nameEn, d.active, asOf],
    );
  }

  async findUser(id: string): Promise<DirectoryUser | null> {
    const row = await this.tx.manager.findOneBy(DirectoryUserOrmEntity, { id });
    return (
      row && {
        id: row.id,
        displayName: row.displayName,
        role: row.role,
        departmentId: row.departmentId,
        active: row.active,
      }
    );
  }

  async upsertUser(u: DirectoryUser, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO ticket.directory_users (id, display_name, role, department_id, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role,
         department_id = EXCLUDED.department_id, active = EXCLUDED.active, source_occurred_at = EXCLUDED.source_occurred_at
       WHERE ticket.directory_users.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [u.id, u.displayName, u.role, u.departmentId, u.active, asOf],
    );
  }

  async staffOf(departmentId: string): Promise<DirectoryUser[]> {
    const rows = await this.tx.manager.find(DirectoryUserOrmEntity, {
      where: { departmentId, role: 'department', active: true },
      order: { displayName: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      displayName: r.displayName,
      role: r.role,
      departmentId: r.departmentId,
      active: r.active,
    }));
  }
}
