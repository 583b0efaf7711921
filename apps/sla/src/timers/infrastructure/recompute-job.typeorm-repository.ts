import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { EntityManager } from 'typeorm';
import { RecomputeJob, RecomputeScope } from '../domain/recompute-job';
import { RecomputeJobRepository } from '../domain/recompute-job.repository';
import { RECOMPUTE_CHANNEL } from './channels';

/**
 * Enqueues a recompute in the caller's transaction: it happens if and only if the change commits
 * (the NOTIFY, too, is delivered at commit).
 */
export async function enqueueRecompute(
  m: EntityManager,
  scope: RecomputeScope,
  target: string,
  reason: string,
): Promise<void> {
  await m.query('INSERT INTO sla.recompute_jobs (scope, target, reason) VALUES ($1, $2, $3)', [
    scope,
    target,
    reason,
  ]);
  await m.query('SELECT pg_notify($1, $2)', [RECOMPUTE_CHANNEL, scope]);
}

/**
 * Recompute jobs in sla.recompute_jobs, taken FOR UPDATE SKIP LOCKED so instances share them. The
 * unit of work that takes one reads policies and calendars from the database, not the settings
 * cache: the job may have been committed elsewhere a moment ago, with the change it applies, before
 * this process heard of that change (the job's NOTIFY and the settings' come on two connections).
 */
@Injectable()
export class TypeormRecomputeJobRepository extends RecomputeJobRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async nextPending(): Promise<RecomputeJob | null> {
    const [job]: { id: string; scope: RecomputeScope; target: string; cursor: string | null }[] =
      await this.tx.writer.query(
        'SELECT id, scope, target, cursor FROM sla.recompute_jobs WHERE finished_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED',
      );
    if (!job) return null;
    // Woken by a change that this process's cache may not have heard of yet: read the settings as
    // the database has them.
    this.cache.readFresh(this.tx.writer, ['policies', 'calendars', 'calendar_notices']);
    return new RecomputeJob(String(job.id), job.scope, job.target, job.cursor);
  }

  async save(job: RecomputeJob): Promise<void> {
    if (job.finished) {
      await this.tx.writer.query('UPDATE sla.recompute_jobs SET finished_at = now() WHERE id = $1', [job.id]);
      return;
    }
    await this.tx.writer.query(
      'UPDATE sla.recompute_jobs SET cursor = $2, processed = processed + $3, changed = changed + $4 WHERE id = $1',
      [job.id, job.cursor, job.batch.processed, job.batch.changed],
    );
  }
}
