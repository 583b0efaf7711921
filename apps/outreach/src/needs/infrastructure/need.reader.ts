import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { NeedScope, OutreachAccessPolicy } from '../../access/outreach-access.policy';
import { NeedPageDto, NeedResponseDto } from '../need.response.dto';
import { NeedRow } from './need.typeorm-repository';

type Row = NeedRow & {
  department_name: string | null;
  ticket_number: string | null;
  ticket_status: string | null;
};

const SELECT = `SELECT n.*, d.name AS department_name, t.number AS ticket_number, t.status AS ticket_status
  FROM outreach.needs n
  LEFT JOIN outreach.directory_departments d ON d.id = n.owner_department_id
  LEFT JOIN outreach.ticket_copies t ON t.ticket_id = n.ticket_id`;

const view = (r: Row): NeedResponseDto => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  gridId: r.grid_id,
  kind: r.kind,
  title: r.title,
  description: r.description,
  status: r.status,
  ownerDepartment: r.owner_department_id ? { id: r.owner_department_id, name: r.department_name } : null,
  ownerUserId: r.owner_user_id,
  ticket: r.ticket_id ? { id: r.ticket_id, number: r.ticket_number, status: r.ticket_status } : null,
  visitId: r.visit_id,
  instructorUserId: r.instructor_user_id,
  createdBy: { id: r.created_by_id, role: r.created_by_role },
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
  version: r.version,
});

/** The 需求清单 for the read side, in the caller's scope. */
@Injectable()
export class NeedReader {
  constructor(private readonly tx: TransactionContext) {}

  async find(id: string): Promise<{ scope: NeedScope; view: NeedResponseDto } | null> {
    const [row]: Row[] = await this.tx.manager.query(`${SELECT} WHERE n.id = $1`, [id]);
    return row
      ? {
          scope: {
            id: row.id,
            enterpriseId: row.enterprise_id,
            gridId: row.grid_id,
            ownerDepartmentId: row.owner_department_id,
          },
          view: view(row),
        }
      : null;
  }

  async list(
    user: AuthUser,
    f: { enterpriseId?: string; status?: string[]; kind?: string[]; cursor?: string; limit?: number },
  ): Promise<NeedPageDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const scope = OutreachAccessPolicy.needSql(user, params);
    if (scope) where.push(scope);
    if (f.enterpriseId) where.push(`n.enterprise_id = ${p(f.enterpriseId)}`);
    if (f.status?.length) where.push(`n.status = ANY(${p(f.status)})`);
    if (f.kind?.length) where.push(`n.kind = ANY(${p(f.kind)})`);
    if (f.cursor) {
      const keys = keysetCursor(f.cursor, ['instant', 'uuid']);
      where.push(`(n.created_at, n.id) < (${p(keys[0])}::timestamptz, ${p(keys[1])}::uuid)`);
    }
    const rows: Row[] = await this.tx.manager.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY n.created_at DESC, n.id DESC LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(view),
      nextCursor:
        rows.length > limit && last ? encodeCursor(new Date(last.created_at).toISOString(), last.id) : null,
    };
  }
}
