import { RecomputeJob, RecomputeScope } from '../domain/recompute-job';
import { RecomputeJobRepository } from '../domain/recompute-job.repository';

interface StoredJob {
  id: string;
  scope: RecomputeScope;
  target: string;
  reason: string;
  cursor: string | null;
  processed: number;
  changed: number;
  finished: boolean;
}

/** Recompute jobs in memory, for handler specs. */
export class InMemoryRecomputeJobRepository extends RecomputeJobRepository {
  readonly jobs: StoredJob[] = [];

  enqueue(scope: RecomputeScope, target: string, reason: string): void {
    this.jobs.push({
      id: String(this.jobs.length + 1),
      scope,
      target,
      reason,
      cursor: null,
      processed: 0,
      changed: 0,
      finished: false,
    });
  }

  async nextPending(): Promise<RecomputeJob | null> {
    const j = this.jobs.find((x) => !x.finished);
    return j ? new RecomputeJob(j.id, j.scope, j.target, j.cursor) : null;
  }

  async save(job: RecomputeJob): Promise<void> {
    const j = this.jobs.find((x) => x.id === job.id)!;
    if (job.finished) {
      j.finished = true;
      return;
    }
    j.cursor = job.cursor;
    j.processed += job.batch.processed;
    j.changed += job.batch.changed;
  }
}
