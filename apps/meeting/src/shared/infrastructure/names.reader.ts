import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

export interface Names {
  department(id: string): { id: string; name: string | null };
  enterprise(id: string): { id: string; name: string | null };
}

/** Department and enterprise names from the directory copy, fetched once for a page of records. */
@Injectable()
export class NamesReader {
  constructor(private readonly tx: TransactionContext) {}

  async of(departmentIds: Iterable<string>, enterpriseIds: Iterable<string>): Promise<Names> {
    const deps = [...new Set(departmentIds)];
    const ents = [...new Set(enterpriseIds)];
    const d: { id: string; name: string }[] = deps.length
      ? await this.tx.manager.query(`SELECT id, name FROM meeting.directory_departments WHERE id = ANY($1)`, [
          deps,
        ])
      : [];
    const e: { id: string; name: string }[] = ents.length
      ? await this.tx.manager.query(`SELECT id, name FROM meeting.directory_enterprises WHERE id = ANY($1)`, [
          ents,
        ])
      : [];
    const dm = new Map(d.map((r) => [r.id, r.name]));
    const em = new Map(e.map((r) => [r.id, r.name]));
    return {
      department: (id) => ({ id, name: dm.get(id) ?? null }),
      enterprise: (id) => ({ id, name: em.get(id) ?? null }),
    };
  }
}
