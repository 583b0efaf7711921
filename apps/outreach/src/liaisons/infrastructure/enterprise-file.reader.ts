import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { encodeCursor } from '@ticketing/platform';
import { keysetCursor } from '../../shared/infrastructure/keyset-cursor';
import { OutreachAccessPolicy } from '../../access/outreach-access.policy';
import { EnterpriseListResponseDto, LiaisonsResponseDto } from '../queries/liaisons.response.dto';

interface Row {
  id: string;
  name: string;
  grid_id: string | null;
  grid_name: string | null;
  key_enterprise: boolean | null;
  instructors: { id: string; name: string | null }[] | null;
  leader: LiaisonsResponseDto['leader'];
  department: { departmentId: string; contactName: string | null; contactPhone: string | null } | null;
  department_name: string | null;
  version: number | null;
  updated_at: Date | null;
}

const SELECT = `SELECT e.id, e.name, e.grid_id, g.name AS grid_name, l.key_enterprise, l.leader, l.department,
       d.name AS department_name, l.version, l.updated_at,
       (SELECT json_agg(json_build_object('id', i.id, 'name', u.display_name) ORDER BY i.n)
          FROM unnest(l.instructor_user_ids) WITH ORDINALITY AS i(id, n)
          LEFT JOIN outreach.directory_users u ON u.id = i.id) AS instructors
  FROM outreach.directory_enterprises e
  LEFT JOIN outreach.liaisons l ON l.enterprise_id = e.id
  LEFT JOIN outreach.directory_grids g ON g.id = e.grid_id
  LEFT JOIN outreach.directory_departments d ON d.id = l.department->>'departmentId'`;

const view = (r: Row): LiaisonsResponseDto => ({
  enterpriseId: r.id,
  enterpriseName: r.name,
  gridId: r.grid_id,
  gridName: r.grid_name,
  keyEnterprise: r.key_enterprise ?? false,
  instructors: r.instructors ?? [],
  leader: r.leader,
  department: r.department && {
    id: r.department.departmentId,
    name: r.department_name,
    contactName: r.department.contactName,
    contactPhone: r.department.contactPhone,
  },
  version: r.version ?? 0,
  updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
});

/** The enterprises' files as outreach keeps them: directory copy plus liaisons, names joined in. */
@Injectable()
export class EnterpriseFileReader {
  constructor(private readonly tx: TransactionContext) {}

  /** The file with the scope the policy judges, or null when the enterprise is unknown. */
  async find(
    enterpriseId: string,
  ): Promise<{ scope: { id: string; gridId: string | null }; file: LiaisonsResponseDto } | null> {
    const [row]: Row[] = await this.tx.manager.query(`${SELECT} WHERE e.id = $1`, [enterpriseId]);
    return row ? { scope: { id: row.id, gridId: row.grid_id }, file: view(row) } : null;
  }

  async list(
    user: AuthUser,
    f: { keyEnterprise?: boolean; gridId?: string; cursor?: string; limit?: number },
  ): Promise<EnterpriseListResponseDto> {
    const limit = f.limit ?? 50;
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = ['e.active'];
    const scope = OutreachAccessPolicy.enterpriseSql(user, params);
    if (scope) where.push(scope);
    if (f.keyEnterprise !== undefined)
      where.push(`COALESCE(l.key_enterprise, false) = ${p(f.keyEnterprise)}`);
    if (f.gridId) where.push(`e.grid_id = ${p(f.gridId)}`);
    if (f.cursor) {
      const keys = keysetCursor(f.cursor, ['text', 'text']);
      where.push(`(e.name, e.id) > (${p(keys[0])}, ${p(keys[1])})`);
    }
    const rows: Row[] = await this.tx.manager.query(
      `${SELECT} WHERE ${where.join(' AND ')} ORDER BY e.name, e.id LIMIT ${p(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(view),
      nextCursor: rows.length > limit && last ? encodeCursor(last.name, last.id) : null,
    };
  }
}
