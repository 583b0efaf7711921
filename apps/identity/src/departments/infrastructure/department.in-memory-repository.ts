import { DirectoryEvents } from '@ticketing/contracts';
import { RecordedChanges } from '../../directory/infrastructure/recorded-changes';
import { Department, DepartmentState } from '../domain/department.aggregate';
import { DepartmentRepository } from '../domain/department.repository';

/** Departments in a map, for handler specs: `changes` keeps what each save stored besides the row. */
export class InMemoryDepartmentRepository extends DepartmentRepository {
  readonly rows = new Map<string, DepartmentState>();
  readonly changes = new RecordedChanges<typeof DirectoryEvents.departmentUpserted>('department');

  constructor(...departments: DepartmentState[]) {
    super();
    for (const d of departments) this.rows.set(d.id, { ...d });
  }

  async findByIdForUpdate(id: string): Promise<Department | null> {
    const row = this.rows.get(id);
    return row ? Department.fromState({ ...row }) : null;
  }

  async exists(id: string): Promise<boolean> {
    return this.rows.has(id);
  }

  async codeTaken(code: string): Promise<boolean> {
    return [...this.rows.values()].some((d) => d.code === code);
  }

  async save(d: Department): Promise<void> {
    this.rows.set(d.id, stateOf(d));
    this.changes.add(d.id, d.pullChanges());
  }
}

const stateOf = (d: Department): DepartmentState => ({
  id: d.id,
  code: d.code,
  nameZh: d.nameZh,
  nameEn: d.nameEn,
  active: d.active,
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});
