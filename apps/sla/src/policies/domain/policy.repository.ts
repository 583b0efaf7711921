import { CoveringPolicy, Policy } from './policy.aggregate';
import { PolicySubject, PolicyVersion } from './policy';

/**
 * Policies and their versions (the port handlers depend on). Versions are immutable once written;
 * `save` writes a policy's new version, retires the one before and, for an edit, enqueues the
 * recompute of the open timers it governs, all in the open unit of work.
 */
export abstract class PolicyRepository {
  /** The active policies of a subject that could apply to work of this category and urgency. */
  abstract candidates(subject: PolicySubject, category: string, urgency: string): Promise<PolicyVersion[]>;
  /** Every active policy (what a new version's deadline order is checked against). */
  abstract allActive(): Promise<PolicyVersion[]>;
  abstract version(id: string, version: number): Promise<PolicyVersion | undefined>;
  abstract active(id: string): Promise<PolicyVersion | undefined>;
  /** The active version, locked until the unit of work ends; null when there is none. */
  abstract lockActive(id: string): Promise<Policy | null>;
  /**
   * Serialises policy writes until the unit of work ends, so that neither a duplicate scope nor two
   * edits that are each fine alone (a later reply here, a shorter resolution there) can race.
   */
  abstract lockWrites(): Promise<void>;
  abstract activeInScope(
    subject: PolicySubject,
    category: string,
    urgency: string,
  ): Promise<CoveringPolicy | null>;
  abstract save(policy: Policy): Promise<void>;
}
