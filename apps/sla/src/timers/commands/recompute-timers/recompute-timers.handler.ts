import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../../policies/domain/policy.repository';
import { RecomputeJobRepository } from '../../domain/recompute-job.repository';
import { RuleBook } from '../../domain/rule-book';
import { SlaRecordedEvent } from '../../domain/sla-event';
import { TimerRepository } from '../../domain/timer.repository';
import { RecomputeTimersCommand } from './recompute-timers.command';

/**
 * Applies a policy or calendar change to the open timers it governs, a batch at a time: keyset
 * pagination over the timer ids, one short transaction per batch that also advances the job's
 * cursor, so intake never waits long and a crash resumes where it stopped. Stopped timers are
 * never touched; a timer no active policy sets any more stops as cancelled. Returns false when
 * no job is pending.
 */
@CommandHandler(RecomputeTimersCommand)
export class RecomputeTimersHandler implements ICommandHandler<RecomputeTimersCommand, boolean> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: RecomputeJobRepository,
    private readonly timers: TimerRepository,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: RecomputeTimersCommand): Promise<boolean> {
    return this.uow.transaction(async () => {
      const job = await this.jobs.nextPending();
      if (!job) return false;
      const batch = await this.timers.governedBy(job, c.batchSize);
      if (!batch.length) {
        job.finish();
        await this.jobs.save(job);
        return true;
      }
      const rules = new RuleBook(this.policies, this.calendars);
      const now = c.now.getTime();
      const moved: SlaRecordedEvent[] = [];
      const cancelled: SlaRecordedEvent[] = [];
      for (const { timer, category, urgency } of batch) {
        const resolved = await rules.afterChange(timer, category, urgency);
        if (resolved) {
          const event = timer.recompute(
            resolved,
            await rules.calendar(resolved.policy.definition.calendarId),
          );
          if (event) moved.push(event);
        } else {
          cancelled.push(timer.cancel(now, await rules.calendar(timer.calendarId)));
        }
      }
      const events = [...moved, ...cancelled];
      await this.timers.save(
        batch.map((g) => g.timer),
        events,
      );
      job.advance(batch[batch.length - 1]!.timer.id, batch.length, events.length);
      await this.jobs.save(job);
      return true;
    });
  }
}
