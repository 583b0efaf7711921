import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS } from '@ticketing/contracts';

export interface NameBook {
  department(id: string | null | undefined): string;
  grid(id: string | null | undefined): string;
  category(code: string | null | undefined): string;
}

const CATEGORY_ZH = new Map<string, string>(DEFAULT_CATEGORIES.map((c) => [c.code, c.zh]));

/** Names from the local directory copies, then the contracts' defaults, then the id itself. */
export function nameBook(
  departments: readonly { id: string; name: string }[],
  grids: readonly { id: string; name: string }[],
): NameBook {
  const deps = new Map<string, string>(DEFAULT_DEPARTMENTS.map((d) => [d.id, d.zh]));
  for (const r of departments) deps.set(r.id, r.name);
  const gridNames = new Map<string, string>(grids.map((r) => [r.id, r.name]));
  return {
    department: (id) => (!id ? '未分派' : (deps.get(id) ?? id)),
    grid: (id) => (!id ? '' : (gridNames.get(id) ?? id)),
    category: (code) => (!code ? '' : (CATEGORY_ZH.get(code) ?? code)),
  };
}
