import { DirectoryEvents } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Local copies of departments, enterprises and grids, for names in figures, exports and scoping. */
export class DirectoryStore {
  async apply(manager: EntityManager, type: string, p: Record<string, unknown>): Promise<void> {
    const id = s(p.id);
    if (!id) return;
    switch (type) {
      case DirectoryEvents.departmentUpserted:
        await manager.query(
          `INSERT INTO ledger.departments (id, code, name, name_en, active) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, name_en = EXCLUDED.name_en, active = EXCLUDED.active`,
          [id, s(p.code), s(p.name) ?? id, s(p.nameEn), p.active !== false],
        );
        break;
      case DirectoryEvents.enterpriseUpserted:
        await manager.query(
          `INSERT INTO ledger.enterprises (id, name, credit_code, grid_id, industry, address, active) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, credit_code = EXCLUDED.credit_code, grid_id = EXCLUDED.grid_id,
             industry = EXCLUDED.industry, address = EXCLUDED.address, active = EXCLUDED.active`,
          [id, s(p.name) ?? id, s(p.creditCode), s(p.gridId), s(p.industry), s(p.address), p.active !== false],
        );
        break;
      case DirectoryEvents.gridUpserted:
        await manager.query(
          `INSERT INTO ledger.grids (id, code, name) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name`,
          [id, s(p.code), s(p.name) ?? id],
        );
        break;
      default:
        break;
    }
  }
}
