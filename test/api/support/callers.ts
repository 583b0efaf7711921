import { AuthUser, TokenService } from '@ticketing/auth';
import { Role, Roles } from '@ticketing/contracts';
import { Client } from 'pg';
import { Operation } from './api-document';
import { send } from './raw-http';

/** The seeded demo user of each role, with the scope their tokens carry. */
export async function seededUsers(pg: Client): Promise<Record<Role, AuthUser>> {
  const { rows } = await pg.query<{
    id: string;
    role: Role;
    display_name: string;
    enterprise_id: string | null;
    department_id: string | null;
    grid_ids: string[] | null;
  }>(
    `SELECT u.id, u.role, u.display_name, u.enterprise_id, u.department_id,
            array_remove(array_agg(g.grid_id), NULL) AS grid_ids
       FROM identity.user_account u LEFT JOIN identity.user_grid g ON g.user_id = u.id
      WHERE u.username = u.role::text
      GROUP BY u.id`,
  );
  const users = Object.fromEntries(
    rows.map((r) => [
      r.role,
      {
        id: r.id,
        role: r.role,
        name: r.display_name,
        enterpriseId: r.enterprise_id ?? undefined,
        departmentId: r.department_id ?? undefined,
        gridIds: r.grid_ids?.length ? r.grid_ids : undefined,
      },
    ]),
  ) as Record<Role, AuthUser>;
  for (const role of Roles) if (!users[role]) throw new Error(`no seeded user named ${role}`);
  return users;
}

export class Callers {
  private readonly tokens: TokenService;

  constructor(
    secret: string,
    readonly users: Record<Role, AuthUser>,
  ) {
    this.tokens = new TokenService(secret, 24 * 3600);
  }

  token(role: Role): string {
    return this.tokens.sign(this.users[role]).token;
  }

  header(role: Role | 'anonymous'): Record<string, string> {
    return role === 'anonymous' ? {} : { authorization: `Bearer ${this.token(role)}` };
  }

  /**
   * The roles the token guard lets through, asked without running any handler: a token whose
   * password must still be changed is refused by the guard either way, as "forbidden" for a role
   * the operation does not allow and as "password change required" for one it does.
   */
  async allowedRoles(base: string, op: Operation): Promise<Role[]> {
    if (op.public) return [];
    const target = op.path.replace(/\{\w+\}/g, '0193a000-0000-7000-8000-0000000000ff');
    const allowed: Role[] = [];
    for (const role of Roles) {
      const token = this.tokens.sign({ ...this.users[role], passwordChangeRequired: true }).token;
      const r = await send(base, {
        method: op.method,
        target,
        headers: { authorization: `Bearer ${token}` },
      });
      if (!(r.status === 403 && r.json?.type === 'urn:chuishao:problem:forbidden')) allowed.push(role);
    }
    return allowed;
  }
}
