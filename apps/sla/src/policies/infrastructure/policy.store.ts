import { Injectable } from '@nestjs/common';
import { Queryable } from '../../shared/queryable';
import { PolicyVersion, WILDCARD } from '../domain/policy';

interface PolicyRow {
  id: string;
  version: number;
  name: string;
  category: string;
  urgency: string;
  definition: PolicyVersion['definition'];
}

const toPolicy = (r: PolicyRow): PolicyVersion => ({
  id: r.id,
  version: r.version,
  name: r.name,
  category: r.category,
  urgency: r.urgency,
  definition: r.definition,
});

/** Policy versions are immutable once written, so a version read once can be kept. */
@Injectable()
export class PolicyStore {
  private readonly versions = new Map<string, PolicyVersion>();

  /** The active policies that could apply to a ticket of this category and urgency. */
  async candidates(q: Queryable, category: string, urgency: string): Promise<PolicyVersion[]> {
    const rows: PolicyRow[] = await q.query(
      `SELECT id, version, name, category, urgency, definition FROM sla.policies
        WHERE active AND category IN ($1, $3) AND urgency IN ($2, $3)`,
      [category, urgency, WILDCARD],
    );
    return rows.map(toPolicy);
  }

  async version(q: Queryable, id: string, version: number): Promise<PolicyVersion | undefined> {
    const key = `${id}@${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const [row]: PolicyRow[] = await q.query(
      'SELECT id, version, name, category, urgency, definition FROM sla.policies WHERE id = $1 AND version = $2',
      [id, version],
    );
    if (!row) return undefined;
    const p = toPolicy(row);
    this.versions.set(key, p);
    return p;
  }

  async active(q: Queryable, id: string): Promise<PolicyVersion | undefined> {
    const [row]: PolicyRow[] = await q.query(
      'SELECT id, version, name, category, urgency, definition FROM sla.policies WHERE id = $1 AND active',
      [id],
    );
    return row ? toPolicy(row) : undefined;
  }
}
