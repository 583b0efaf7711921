import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';

export interface NameBook {
  department(id: string | null | undefined): string;
  grid(id: string | null | undefined): string;
  category(code: string | null | undefined): string;
}

const CATEGORY_ZH = new Map<string, string>(DEFAULT_CATEGORIES.map((c) => [c.code, c.zh]));

/** Names from the local directory copies, then the contracts' defaults, then the id itself. */
export async function loadNames(manager: EntityManager): Promise<NameBook> {
  const deps = new Map<string, string>(DEFAULT_DEPARTMENTS.map((d) => [d.id, d.zh]));
  for (const r of (await manager.query(`SELECT id, name FROM ledger.departments`)) as { id: string; name: string }[]) deps.set(r.id, r.name);
  const grids = new Map<string, string>();
  for (const r of (await manager.query(`SELECT id, name FROM ledger.grids`)) as { id: string; name: string }[]) grids.set(r.id, r.name);
  return {
    department: (id) => (!id ? '未分派' : (deps.get(id) ?? id)),
    grid: (id) => (!id ? '' : (grids.get(id) ?? id)),
    category: (code) => (!code ? '' : (CATEGORY_ZH.get(code) ?? code)),
  };
}
