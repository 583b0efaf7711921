import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryGrid,
  DirectoryUser,
  OutreachDirectory,
} from '../domain/outreach-directory';

interface EnterpriseRow {
  id: string;
  name: string;
  grid_id: string | null;
  active: boolean;
}

const enterprise = (r: EnterpriseRow): DirectoryEnterprise => ({
  id: r.id,
  name: r.name,
  gridId: r.grid_id,
  active: r.active,
});

/** `outreach.directory_*`: identity's directory as this service last heard of it. */
@Injectable()
export class TypeormOutreachDirectory extends OutreachDirectory {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findEnterprise(id: string): Promise<DirectoryEnterprise | null> {
    const [row]: EnterpriseRow[] = await this.tx.manager.query(
      `SELECT id, name, grid_id, active FROM outreach.directory_enterprises WHERE id = $1`,
      [id],
    );
    return row ? enterprise(row) : null;
  }

  async findUser(id: string): Promise<DirectoryUser | null> {
    const [r] = await this.tx.manager.query(
      `SELECT id, display_name, role, grid_ids, department_id, enterprise_id, active FROM outreach.directory_users WHERE id = $1`,
      [id],
    );
    return r
      ? {
          id: r.id,
          displayName: r.display_name,
          role: r.role,
          gridIds: r.grid_ids,
          departmentId: r.department_id,
          enterpriseId: r.enterprise_id,
          active: r.active,
        }
      : null;
  }

  async findDepartment(id: string): Promise<DirectoryDepartment | null> {
    const [r] = await this.tx.manager.query(
      `SELECT id, code, name, active FROM outreach.directory_departments WHERE id = $1`,
      [id],
    );
    return r ?? null;
  }

  async gridsOfInstructor(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager.query(
      `SELECT id FROM outreach.directory_grids WHERE $1 = ANY(instructor_user_ids)
       UNION SELECT unnest(grid_ids) FROM outreach.directory_users WHERE id = $1
       ORDER BY 1`,
      [userId],
    );
    return rows.map((r) => r.id);
  }

  async enterprisesInGrids(gridIds: string[]): Promise<DirectoryEnterprise[]> {
    const rows: EnterpriseRow[] = await this.tx.manager.query(
      `SELECT id, name, grid_id, active FROM outreach.directory_enterprises
        WHERE active AND grid_id = ANY($1) ORDER BY name, id`,
      [gridIds],
    );
    return rows.map(enterprise);
  }

  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO outreach.directory_enterprises (id, name, grid_id, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, grid_id = EXCLUDED.grid_id, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE outreach.directory_enterprises.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [e.id, e.name, e.gridId, e.active, asOf],
    );
  }

  async upsertGrid(g: DirectoryGrid, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO outreach.directory_grids (id, code, name, instructor_user_ids, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name,
         instructor_user_ids = EXCLUDED.instructor_user_ids, source_occurred_at = EXCLUDED.source_occurred_at
       WHERE outreach.directory_grids.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [g.id, g.code, g.name, g.instructorUserIds, asOf],
    );
  }

  async upsertUser(u: DirectoryUser, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO outreach.directory_users (id, display_name, role, grid_ids, department_id, enterprise_id, active, source_occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, grid_ids = EXCLUDED.grid_ids,
         department_id = EXCLUDED.department_id, enterprise_id = EXCLUDED.enterprise_id, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE outreach.directory_users.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [u.id, u.displayName, u.role, u.gridIds, u.departmentId, u.enterpriseId, u.active, asOf],
    );
  }

  async upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO outreach.directory_departments (id, code, name, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE outreach.directory_departments.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [d.id, d.code, d.name, d.active, asOf],
    );
  }
}
