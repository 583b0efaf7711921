import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkCalendar } from '@ticketing/calendar';
import { EventEnvelope, Topics } from '@ticketing/contracts';
import { DATABASE_URL } from '@ticketing/database';
import { OutboxWriter } from '@ticketing/messaging';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarStore } from '../../calendars/infrastructure/calendar.store';
import { allowanceMs, basisOf } from '../../policies/domain/duration';
import { PolicyVersion, ResolvedRule, resolveRule } from '../../policies/domain/policy';
import { PolicyStore } from '../../policies/infrastructure/policy.store';
import { PgListener } from '@ticketing/database';
import { Alarm } from '../../shared/notification-listener';
import { SLA_SCHEMA } from '../../shared/queryable';
import { PlannedFiring, planFirings } from '../domain/firing-plan';
import { dueAt, openPause, pausedClockMs, stopOutcome } from '../domain/timer';
import { timerClock } from '../domain/timer-clock';
import { deadlineSet, timerStopped } from '../engine/sla-events';
import { FIRINGS_CHANNEL } from '../engine/timer-transaction';
import { TimerRow, factsOf, pausesJson, timerSql } from '../infrastructure/timer.repository';

export const RECOMPUTE_CHANNEL = 'sla_recompute';

interface JobRow {
  id: string;
  scope: 'policy' | 'calendar';
  target: string;
  cursor: string | null;
}

/** Enqueues a recompute in the caller's transaction: it happens if and only if the change commits. */
export async function enqueueRecompute(
  m: EntityManager,
  scope: JobRow['scope'],
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
 * Applies a policy or calendar change to the open timers it governs, a batch at a time: keyset
 * pagination over the timer ids, one short transaction per batch that also advances the job's
 * cursor, so intake never waits long and a crash resumes where it stopped. Stopped timers are
 * never touched. Each timer keeps its start, pauses and approved extension; its allowance, basis
 * and deadline follow the new rule, its unfired steps are replanned (fired ones stay fired), and
 * a moved deadline is announced with sla.deadline-set (reason 'recomputed').
 */
@Injectable()
export class RecomputeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  static batchSize = 2000;
  static pollMs = 5000;
  private readonly alarm = new Alarm();
  private readonly listener: PgListener;
  private running = false;
  private loop: Promise<void> | undefined;

  constructor(
    @InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly calendars: CalendarStore,
    private readonly policies: PolicyStore,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.listener = new PgListener(
      databaseUrl,
      [RECOMPUTE_CHANNEL],
      () => this.alarm.wakeNow(),
      () => this.alarm.wakeNow(),
    );
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.listener.start();
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.alarm.wakeNow();
    await this.loop;
    await this.listener.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const more = await this.step();
        if (!more && this.running) await this.alarm.sleepUntil(Date.now() + RecomputeWorker.pollMs);
      } catch (e) {
        if (!this.running) break;
        this.logger.warn({ error: (e as Error).message }, 'sla recompute batch failed; retrying');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  /** Processes one batch of one pending job; false when there is nothing to do. */
  async step(): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const [job]: JobRow[] = await m.query(
        'SELECT id, scope, target, cursor FROM sla.recompute_jobs WHERE finished_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED',
      );
      if (!job) return false;
      const filter = job.scope === 'policy' ? 't.policy_id = $1::uuid' : 't.calendar_id = $1';
      const rows: (TimerRow & { category: string | null; urgency: string | null })[] = await m.query(
        `SELECT t.*, k.category, k.urgency FROM sla.timers t LEFT JOIN sla.tickets k ON k.ticket_id = t.ticket_id
          WHERE t.state <> 'stopped' AND ${filter} AND ($2::uuid IS NULL OR t.id > $2::uuid)
          ORDER BY t.id LIMIT $3 FOR UPDATE OF t`,
        [job.target, job.cursor, RecomputeWorker.batchSize],
      );
      if (!rows.length) {
        await m.query('UPDATE sla.recompute_jobs SET finished_at = now() WHERE id = $1', [job.id]);
        return true;
      }
      const changed = await this.recompute(m, rows);
      await m.query(
        'UPDATE sla.recompute_jobs SET cursor = $2, processed = processed + $3, changed = changed + $4 WHERE id = $1',
        [job.id, rows[rows.length - 1]!.id, rows.length, changed],
      );
      return true;
    });
  }

  private async recompute(
    m: EntityManager,
    rows: (TimerRow & { category: string | null; urgency: string | null })[],
  ): Promise<number> {
    const now = Date.now();
    const active = new Map<string, PolicyVersion | undefined>();
    const candidates = new Map<string, PolicyVersion[]>();
    const calendars = new Map<string, WorkCalendar>();
    const calendar = async (id: string) =>
      calendars.get(id) ?? calendars.set(id, await this.calendars.get(m, id)).get(id)!;
    const updates: {
      row: TimerRow;
      resolved: ResolvedRule;
      budget: number;
      ext: number;
      due: number | null;
    }[] = [];
    const plans: { timerId: string; firing: PlannedFiring }[] = [];
    const events: EventEnvelope<unknown>[] = [];
    const cancelled: TimerRow[] = [];

    for (const row of rows) {
      if (!active.has(row.policy_id)) active.set(row.policy_id, await this.policies.active(m, row.policy_id));
      const own = active.get(row.policy_id);
      let resolved: ResolvedRule | null = own?.definition.timers[row.kind]
        ? { policy: own, rule: own.definition.timers[row.kind]! }
        : null;
      if (!resolved) {
        // The governing policy dropped this timer: another active policy may cover it now.
        const key = `${row.category}|${row.urgency}`;
        if (!candidates.has(key))
          candidates.set(key, await this.policies.candidates(m, row.category ?? '', row.urgency ?? ''));
        resolved = resolveRule(candidates.get(key)!, row.category ?? '', row.urgency ?? '', row.kind);
      }
      if (!resolved) {
        cancelled.push(row);
        continue;
      }
      const cal = await calendar(resolved.policy.definition.calendarId);
      const facts = factsOf(row);
      const basis = basisOf(resolved.rule.duration.unit);
      facts.basis = basis;
      facts.budgetMs = allowanceMs(resolved.rule.duration, cal, facts.startedAt);
      // An extension is kept on the clock it was granted on; it cannot be carried to another basis.
      if (basis !== row.basis) facts.extensionMs = 0;
      const due = dueAt(facts, timerClock(basis, cal));
      updates.push({ row, resolved, budget: facts.budgetMs, ext: facts.extensionMs, due });
      if (row.state === 'running')
        for (const firing of planFirings(facts, resolved.rule, cal)) plans.push({ timerId: row.id, firing });
      const moved = (row.due_at?.getTime() ?? null) !== due;
      row.policy_id = resolved.policy.id;
      row.policy_version = resolved.policy.version;
      row.revision += 1;
      row.due_at = due === null ? null : new Date(due);
      if (moved) events.push(deadlineSet(row, 'recomputed'));
    }

    if (updates.length) {
      await m.query(
        `UPDATE sla.timers t SET policy_id = u.pid, policy_version = u.pv, calendar_id = u.cal, basis = u.basis,
                budget_ms = u.budget, extension_ms = u.ext, due_at = u.due, revision = t.revision + 1,
                pause_when = ARRAY(SELECT jsonb_array_elements_text(u.pw::jsonb))
           FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::timestamptz[], $9::text[])
                AS u(id, pid, pv, cal, basis, budget, ext, due, pw)
          WHERE t.id = u.id`,
        [
          updates.map((u) => u.row.id),
          updates.map((u) => u.resolved.policy.id),
          updates.map((u) => u.resolved.policy.version),
          updates.map((u) => u.resolved.policy.definition.calendarId),
          updates.map((u) => basisOf(u.resolved.rule.duration.unit)),
          updates.map((u) => u.budget),
          updates.map((u) => u.ext),
          updates.map((u) => (u.due === null ? null : new Date(u.due))),
          updates.map((u) => JSON.stringify(u.resolved.rule.pauseWhen)),
        ],
      );
      await timerSql.replaceFirings(
        m,
        updates.map((u) => u.row.id),
        plans,
      );
    }
    for (const row of cancelled) events.push(await this.cancel(m, row, now));
    if (plans.length)
      await m.query('SELECT pg_notify($1, $2)', [
        FIRINGS_CHANNEL,
        String(Math.min(...plans.map((p) => p.firing.fireAt))),
      ]);
    await this.outbox.append(m, Topics.Sla, events);
    return events.length;
  }

  private async cancel(m: EntityManager, row: TimerRow, now: number): Promise<EventEnvelope<unknown>> {
    const facts = factsOf(row);
    const pause = openPause(facts);
    if (pause) pause.to = now;
    row.state = 'stopped';
    row.outcome =
      stopOutcome(row.due_at?.getTime() ?? null, row.breached_at?.getTime() ?? null, now) === 'breached'
        ? 'breached'
        : 'cancelled';
    row.stopped_at = new Date(now);
    row.revision += 1;
    await m.query(
      `UPDATE sla.timers SET state = 'stopped', outcome = $2, stopped_at = $3, pauses = $4::jsonb, revision = $5 WHERE id = $1`,
      [row.id, row.outcome, row.stopped_at, pausesJson(facts.pauses), row.revision],
    );
    await m.query('DELETE FROM sla.timer_firings WHERE timer_id = $1 AND fired_at IS NULL', [row.id]);
    const working = timerClock('working', await this.calendars.get(m, row.calendar_id));
    return timerStopped(
      row,
      (working.between(facts.startedAt, now) - pausedClockMs(facts, working, now)) / 60_000,
    );
  }
}
