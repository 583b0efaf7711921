import { Injectable } from '@nestjs/common';
import { NeedKind, NeedStatus, Role } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { Need, NeedProps } from '../domain/need.aggregate';
import { NeedRepository } from '../domain/need.repository';

export interface NeedRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  grid_id: string | null;
  kind: string;
  title: string;
  description: string;
  status: string;
  owner_department_id: string | null;
  owner_user_id: string | null;
  ticket_id: string | null;
  visit_id: string | null;
  instructor_user_id: string | null;
  created_by_id: string;
  created_by_role: string;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const toNeedProps = (r: NeedRow): NeedProps => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  gridId: r.grid_id,
  kind: r.kind as NeedKind,
  title: r.title,
  description: r.description,
  status: r.status as NeedStatus,
  ownerDepartmentId: r.owner_department_id,
  ownerUserId: r.owner_user_id,
  ticketId: r.ticket_id,
  visitId: r.visit_id,
  instructorUserId: r.instructor_user_id,
  createdBy: { id: r.created_by_id, role: r.created_by_role as Role },
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
  version: r.version,
});

/** `outreach.needs`, with the history and events of each need through the change log. */
@Injectable()
export class TypeormNeedRepository extends NeedRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockById(id: string): Promise<Need | null> {
    const [row]: NeedRow[] = await this.tx.writer.query(
      `SELECT * FROM outreach.needs WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? Need.rehydrate(toNeedProps(row)) : null;
  }

  async add(need: Need): Promise<void> {
    const s = need.snapshot();
    await this.tx.writer.query(
      `INSERT INTO outreach.needs (id, enterprise_id, enterprise_name, grid_id, kind, title, description, status,
         owner_department_id, owner_user_id, ticket_id, visit_id, instructor_user_id, created_by_id, created_by_role,
         created_at, updated_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        s.id,
        s.enterpriseId,
        s.enterpriseName,
        s.gridId,
        s.kind,
        s.title,
        s.description,
        s.status,
        s.ownerDepartmentId,
        s.ownerUserId,
        s.ticketId,
        s.visitId,
        s.instructorUserId,
        s.createdBy.id,
        s.createdBy.role,
        s.createdAt,
        s.updatedAt,
        s.version,
      ],
    );
    await this.log.append('need', s.id, need.pullChanges());
  }

  async save(need: Need): Promise<void> {
    const changes = need.pullChanges();
    if (!changes.length) return;
    const s = need.snapshot();
    await this.tx.writer.query(
      `UPDATE outreach.needs SET status = $2, owner_department_id = $3, ticket_id = $4, updated_at = $5, version = $6
        WHERE id = $1`,
      [s.id, s.status, s.ownerDepartmentId, s.ticketId, s.updatedAt, s.version],
    );
    await this.log.append('need', s.id, changes);
  }
}
