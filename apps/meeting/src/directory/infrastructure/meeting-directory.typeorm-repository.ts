import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryUser,
  MeetingDirectory,
} from '../domain/meeting-directory';

/** `meeting.directory_*`: identity's directory as this service last heard of it. */
@Injectable()
export class TypeormMeetingDirectory extends MeetingDirectory {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findDepartment(id: string): Promise<DirectoryDepartment | null> {
    const [r] = await this.tx.manager.query(
      `SELECT id, code, name, active FROM meeting.directory_departments WHERE id = $1`,
      [id],
    );
    return r ?? null;
  }

  async findEnterprise(id: string): Promise<DirectoryEnterprise | null> {
    const [r] = await this.tx.manager.query(
      `SELECT id, name, active FROM meeting.directory_enterprises WHERE id = $1`,
      [id],
    );
    return r ?? null;
  }

  async findUser(id: string): Promise<DirectoryUser | null> {
    const [r] = await this.tx.manager.query(
      `SELECT id, display_name, role, active FROM meeting.directory_users WHERE id = $1`,
      [id],
    );
    return r ? { id: r.id, displayName: r.display_name, role: r.role, active: r.active } : null;
  }

  async upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO meeting.directory_departments (id, code, name, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE meeting.directory_departments.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [d.id, d.code, d.name, d.active, asOf],
    );
  }

  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO meeting.directory_enterprises (id, name, active, source_occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE meeting.directory_enterprises.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [e.id, e.name, e.active, asOf],
    );
  }

  async upsertUser(u: DirectoryUser, asOf: Date): Promise<void> {
    await this.tx.writer.query(
      `INSERT INTO meeting.directory_users (id, display_name, role, active, source_occurred_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, active = EXCLUDED.active,
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE meeting.directory_users.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [u.id, u.displayName, u.role, u.active, asOf],
    );
  }
}
