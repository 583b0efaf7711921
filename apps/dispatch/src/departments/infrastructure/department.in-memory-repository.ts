import { Department } from '../domain/department';
import { DepartmentRepository } from '../domain/department.repository';

/** The directory copy in memory, for handler specs. */
export class InMemoryDepartmentRepository extends DepartmentRepository {
  readonly rows = new Map<string, Department & { updatedAt: Date }>();

  /** Seeds active departments by id. */
  given(...ids: string[]): this {
    for (const id of ids) {
      this.rows.set(id, { id, code: id, name: id, nameEn: null, active: true, updatedAt: new Date(0) });
    }
    return this;
  }

  async activeIds(): Promise<ReadonlySet<string>> {
    return new Set([...this.rows.values()].filter((d) => d.active).map((d) => d.id));
  }

  activeIdsForRouting(): Promise<ReadonlySet<string>> {
    return this.activeIds();
  }

  async upsert(d: Department, asOf: Date): Promise<void> {
    this.rows.set(d.id, { ...d, updatedAt: asOf });
  }
}
