import { Department } from './department.aggregate';

/** Where departments are kept. `save` stores the row, its audit notes and its events together. */
export abstract class DepartmentRepository {
  /** Locks the row for the rest of the unit of work: two admins on one department are serialised. */
  abstract findByIdForUpdate(id: string): Promise<Department | null>;
  abstract exists(id: string): Promise<boolean>;
  abstract codeTaken(code: string): Promise<boolean>;
  abstract save(department: Department): Promise<void>;
}
