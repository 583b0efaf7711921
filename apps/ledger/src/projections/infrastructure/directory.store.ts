import { EntityManager } from 'typeorm';
import { DirectoryRecord } from '../domain/directory-record';

/** Local copies of departments, enterprises and grids, one upsert each. */
export class DirectoryStore {
  async save(manager: EntityManager, records: readonly DirectoryRecord[]): Promise<void> {
    for (const r of records) {
      switch (r.table) {
        case 'departments':
          await manager.query(
            `INSERT INTO ledger.departments (id, code, name, name_en, active) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, name_en = EXCLUDED.name_en, active = EXCLUDED.active`,
            [r.id, r.code, r.name, r.nameEn, r.active],
          );
          break;
        case 'enterprises':
          await manager.query(
            `INSERT INTO ledger.enterprises (id, name, credit_code, grid_id, industry, address, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code, grid_id = EXCLUDED.grid_id,
               industry = EXCLUDED.industry, address = EXCLUDED.address, active = EXCLUDED.active`,
            [r.id, r.name, r.creditCode, r.gridId, r.industry, r.address, r.active],
          );
          break;
        case 'grids':
          await manager.query(
            `INSERT INTO ledger.grids (id, code, name) VALUES ($1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name`,
            [r.id, r.code, r.name],
          );
          break;
        case 'users':
          await manager.query(
            `INSERT INTO ledger.users (id, name, role, department_id, active) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role, department_id = EXCLUDED.department_id,
               active = EXCLUDED.active`,
            [r.id, r.name, r.role, r.departmentId, r.active],
          );
          break;
      }
    }
  }
}
