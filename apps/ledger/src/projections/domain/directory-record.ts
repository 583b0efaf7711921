import { DirectoryEvents } from '@ticketing/contracts';

/** A local copy of a directory entity, for names in figures, exports and scoping. */
export type DirectoryRecord =
  | {
      table: 'departments';
      id: string;
      code: string | null;
      name: string;
      nameEn: string | null;
      active: boolean;
    }
  | {
      table: 'enterprises';
      id: string;
      name: string;
      creditCode: string | null;
      gridId: string | null;
      industry: string | null;
      address: string | null;
      active: boolean;
    }
  | { table: 'grids'; id: string; code: string | null; name: string }
  | { table: 'users'; id: string; name: string; role: string; departmentId: string | null; active: boolean };

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The copy a directory entry makes (of a user: the name and role only, never contacts or credentials). */
export function directoryRecordOf(
  type: string,
  p: Readonly<Record<string, unknown>>,
): DirectoryRecord | null {
  const id = s(p.id);
  if (!id) return null;
  switch (type) {
    case DirectoryEvents.departmentUpserted:
      return {
        table: 'departments',
        id,
        code: s(p.code),
        name: s(p.name) ?? id,
        nameEn: s(p.nameEn),
        active: p.active !== false,
      };
    case DirectoryEvents.enterpriseUpserted:
      return {
        table: 'enterprises',
        id,
        name: s(p.name) ?? id,
        creditCode: s(p.creditCode),
        gridId: s(p.gridId),
        industry: s(p.industry),
        address: s(p.address),
        active: p.active !== false,
      };
    case DirectoryEvents.gridUpserted:
      return { table: 'grids', id, code: s(p.code), name: s(p.name) ?? id };
    case DirectoryEvents.userUpserted:
      return {
        table: 'users',
        id,
        name: s(p.displayName) ?? s(p.username) ?? id,
        role: s(p.role) ?? '',
        departmentId: s(p.departmentId),
        active: p.active !== false,
      };
    default:
      return null;
  }
}
