import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { Audience } from '../../inapp/domain/recipients';
import { NameBook } from '../../messages/domain/message-templates';
import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryRepository,
  DirectoryUser,
  nameBook,
} from '../domain/directory.repository';

interface UserRow {
  id: string;
  role: string;
  display_name: string;
  enterprise_id: string | null;
  department_id: string | null;
  grid_ids: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
}

const toUser = (r: UserRow): DirectoryUser => ({
  id: r.id,
  role: r.role,
  displayName: r.display_name,
  enterpriseId: r.enterprise_id,
  departmentId: r.department_id,
  gridIds: [...r.grid_ids], // a copy: the row may be the settings cache's
  mobile: r.mobile,
  email: r.email,
  active: r.active,
});

@Injectable()
export class TypeormDirectoryRepository extends DirectoryRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async saveDepartment(d: DirectoryDepartment): Promise<void> {
    this.cache.touch(this.tx.writer, 'departments');
    await this.tx.writer.query(
      `INSERT INTO notify.departments (id, name, name_en) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, updated_at = now()`,
      [d.id, d.name, d.nameEn],
    );
  }

  async saveEnterprise(e: DirectoryEnterprise): Promise<void> {
    this.cache.touch(this.tx.writer, 'enterprises');
    await this.tx.writer.query(
      `INSERT INTO notify.enterprises (id, name) VALUES ($1, $2)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()`,
      [e.id, e.name],
    );
  }

  async saveUser(u: DirectoryUser): Promise<void> {
    this.cache.touch(this.tx.writer, 'users');
    await this.tx.writer.query(
      `INSERT INTO notify.users (id, role, display_name, enterprise_id, department_id, grid_ids, mobile, email, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, display_name = EXCLUDED.display_name, enterprise_id = EXCLUDED.enterprise_id,
         department_id = EXCLUDED.department_id, grid_ids = EXCLUDED.grid_ids, mobile = EXCLUDED.mobile, email = EXCLUDED.email,
         active = EXCLUDED.active, updated_at = now()`,
      [u.id, u.role, u.displayName, u.enterpriseId, u.departmentId, u.gridIds, u.mobile, u.email, u.active],
    );
  }

  /** Read on every notification: from the settings cache while the directory does not change. */
  async names(departmentIds: string[], enterpriseIds: string[]): Promise<NameBook> {
    if (!departmentIds.length && !enterpriseIds.length) return nameBook([], []);
    const m = this.tx.manager;
    const rows = await this.cache.read(
      m,
      ['departments', 'enterprises'],
      `names:${JSON.stringify([departmentIds, enterpriseIds])}`,
      (): Promise<{ kind: 'department' | 'enterprise'; id: string; name: string }[]> =>
        m.query(
          `SELECT 'department' AS kind, id, name FROM notify.departments WHERE id = ANY($1::text[])
       UNION ALL SELECT 'enterprise' AS kind, id, name FROM notify.enterprises WHERE id = ANY($2::text[])`,
          [departmentIds, enterpriseIds],
        ),
    );
    const of = (kind: string) =>
      rows.filter((r) => r.kind === kind).map((r): [string, string] => [r.id, r.name]);
    return nameBook(of('department'), of('enterprise'));
  }

  async user(id: string): Promise<DirectoryUser | null> {
    const [row]: UserRow[] = await this.tx.manager.query(
      'SELECT * FROM notify.users WHERE id = $1 AND active',
      [id],
    );
    return row ? toUser(row) : null;
  }

  /** Read on every notification: from the settings cache while the directory does not change. */
  async usersIn(who: Audience): Promise<DirectoryUser[]> {
    if (!who.departmentIds.length && !who.enterpriseIds.length && !who.roles.length) return [];
    const m = this.tx.manager;
    const rows = await this.cache.read(
      m,
      ['users'],
      `usersIn:${JSON.stringify([who.departmentIds, who.enterpriseIds, who.roles])}`,
      (): Promise<UserRow[]> =>
        m.query(
          `SELECT * FROM notify.users WHERE active AND (
         (role = 'department' AND department_id = ANY($1::text[])) OR (role = 'enterprise' AND enterprise_id = ANY($2::text[])) OR role = ANY($3::text[]))
       ORDER BY id`,
          [who.departmentIds, who.enterpriseIds, who.roles],
        ),
    );
    return rows.map(toUser);
  }
}
