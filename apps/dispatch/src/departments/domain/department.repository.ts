import { Department } from './department';

/** The desk's copy of the department directory, kept current by identity's directory events. */
export abstract class DepartmentRepository {
  /** Which departments a decision may name: the active ones the desk has heard of. */
  abstract activeIds(): Promise<ReadonlySet<string>>;
  /**
   * The same, for routing a ticket: read on every ticket, so it may come from memory while no
   * department changes (a change this process commits is seen by its next read; one committed
   * elsewhere once its notification arrives).
   */
  abstract activeIdsForRouting(): Promise<ReadonlySet<string>>;
  /** Stores the department as the directory announced it at `asOf`. */
  abstract upsert(department: Department, asOf: Date): Promise<void>;
}
