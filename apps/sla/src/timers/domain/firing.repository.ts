import { DueStep, FiredSteps } from './due-step';

/**
 * The planned steps of every timer, a queue shared by every instance (the port handlers depend on).
 */
export abstract class FiringRepository {
  /**
   * Marks up to `limit` steps due by `now` as fired and returns them, skipping those another
   * instance (or a consumer or recompute holding their timer) has locked: nothing fires twice.
   */
  abstract claimDue(now: Date, limit: number): Promise<DueStep[]>;
  /** Marks the breached timers and appends the announcements to the outbox. */
  abstract save(fired: FiredSteps): Promise<void>;
  /** When the earliest unfired step is due (epoch ms); null when none is planned. */
  abstract nextDueAt(): Promise<number | null>;
}
