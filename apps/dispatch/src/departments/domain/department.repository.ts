import { Department } from './department';

/** The desk's copy of the department directory, kept current by identity's directory events. */
export abstract class DepartmentRepository {
  /** Which departments a decision may name: the active ones the desk has heard of. */
  abstract activeIds(): Promise<ReadonlySet<string>>;
  /** Stores the department as the directory announced it at `asOf`. */
  abstract upsert(department: Department, asOf: Date): Promise<void>;
}
