import {
  DepartmentUpsertedPayload,
  EnterpriseUpsertedPayload,
  UserUpsertedPayload,
} from '@ticketing/contracts';
import { NameBook } from '../../messages/domain/message-templates';
import { Queryable } from '../../shared/queryable';

/** notify's copy of the directory: names for messages, users (with their scope) for in-app recipients. */
export const DirectoryStore = {
  async upsertDepartment(q: Queryable, d: DepartmentUpsertedPayload): Promise<void> {
    await q.query(
      `INSERT INTO notify.departments (id, name, name_en) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, updated_at = now()`,
      [d.id, d.name, d.nameEn ?? null],
    );
  },

  async upsertEnterprise(q: Queryable, e: EnterpriseUpsertedPayload): Promise<void> {
    await q.query(
      `INSERT INTO notify.enterprises (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [e.id, e.name],
    );
  },

  async upsertUser(q: Queryable, u: UserUpsertedPayload): Promise<void> {
    await q.query(
      `INSERT INTO notify.users (id, role, display_name, enterprise_id, department_id, grid_ids, mobile, email, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, display_name = EXCLUDED.display_name, enterprise_id = EXCLUDED.enterprise_id,
         department_id = EXCLUDED.department_id, grid_ids = EXCLUDED.grid_ids, mobile = EXCLUDED.mobile, email = EXCLUDED.email,
         active = EXCLUDED.active, updated_at = now()`,
      [
        u.id,
        u.role,
        u.displayName,
        u.enterpriseId,
        u.departmentId,
        u.gridIds ?? [],
        u.mobile,
        u.email,
        u.active,
      ],
    );
  },

  /** The names of these departments and enterprises, as a lookup that falls back to nothing. */
  async names(q: Queryable, departmentIds: string[], enterpriseIds: string[]): Promise<NameBook> {
    const deps: { id: string; name: string }[] = departmentIds.length
      ? await q.query('SELECT id, name FROM notify.departments WHERE id = ANY($1::text[])', [departmentIds])
      : [];
    const ents: { id: string; name: string }[] = enterpriseIds.length
      ? await q.query('SELECT id, name FROM notify.enterprises WHERE id = ANY($1::text[])', [enterpriseIds])
      : [];
    const depMap = new Map(deps.map((d) => [d.id, d.name]));
    const entMap = new Map(ents.map((e) => [e.id, e.name]));
    return {
      department: (id) => (id ? (depMap.get(id) ?? null) : null),
      enterprise: (id) => (id ? (entMap.get(id) ?? null) : null),
    };
  },

  /** Active users who are any of: in these departments, in these enterprises, or holding these roles. */
  async userIds(
    q: Queryable,
    who: { departmentIds: string[]; enterpriseIds: string[]; roles: string[] },
  ): Promise<string[]> {
    if (!who.departmentIds.length && !who.enterpriseIds.length && !who.roles.length) return [];
    const rows: { id: string }[] = await q.query(
      `SELECT id FROM notify.users WHERE active AND (
         (role = 'department' AND department_id = ANY($1::text[])) OR (role = 'enterprise' AND enterprise_id = ANY($2::text[])) OR role = ANY($3::text[]))
       ORDER BY id`,
      [who.departmentIds, who.enterpriseIds, who.roles],
    );
    return rows.map((r) => r.id);
  },
};
