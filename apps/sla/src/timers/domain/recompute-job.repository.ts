import { RecomputeJob } from './recompute-job';

/** Recompute jobs, a queue shared by every instance (the port handlers depend on). */
export abstract class RecomputeJobRepository {
  /**
   * The oldest unfinished job no other instance holds, locked until the unit of work ends; the unit
   * of work then sees every committed policy and calendar (the change the job applies included).
   */
  abstract nextPending(): Promise<RecomputeJob | null>;
  /** Writes the job's progress: its cursor and the batch's counts, or that it is finished. */
  abstract save(job: RecomputeJob): Promise<void>;
}
