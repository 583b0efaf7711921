import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  EventEnvelope,
  SYSTEM_ACTOR,
  SlaBreachedPayload,
  SlaEscalatedPayload,
  SlaEvents,
  SlaWarningPayload,
  Topics,
} from '@ticketing/contracts';
import { DATABASE_URL } from '@ticketing/database';
import { OutboxWriter, newEvent } from '@ticketing/messaging';
import { counter, histogram } from '@ticketing/observability';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DataSource, QueryRunner } from 'typeorm';
import { PgListener } from '@ticketing/database';
import { Alarm } from '../../shared/notification-listener';
import { SLA_SCHEMA } from '../../shared/queryable';
import { parseStep } from '../domain/firing-plan';
import { FIRINGS_CHANNEL } from '../engine/timer-transaction';

interface ClaimedFiring {
  step: string;
  step_index: number;
  fire_at: Date;
  fired_at: Date;
  timer_id: string;
  ticket_id: string;
  kind: SlaWarningPayload['kind'];
  department_id: string | null;
  due_at: Date | null;
  state: string;
  revision: number;
}

const lag = histogram(
  'sla_firing_lag_seconds',
  'Time from a firing being due to its event being in the outbox',
  ['kind'],
  [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300],
);
const fired = counter('sla_firings_total', 'Warnings, breaches and escalations emitted', ['kind']);

/**
 * Emits each due warning, breach and escalation once. The table is the truth: each instance
 * sleeps until the earliest unfired firing (a hint, brought forward by NOTIFY from the consumer
 * and capped by a short poll), then claims due rows with FOR UPDATE SKIP LOCKED, marks them fired
 * and appends their events to the outbox in one transaction. Several instances share the work
 * without firing anything twice; whatever came due while all were down fires on the first start.
 */
@Injectable()
export class FiringScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  static pollMs = 2000;
  static batchSize = 500;
  private readonly alarm = new Alarm();
  private readonly listener: PgListener;
  private running = false;
  private loop: Promise<void> | undefined;
  /** A connection of its own, so that a burst of intake holding the pool cannot delay a firing. */
  private runner: QueryRunner | undefined;

  constructor(
    @InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(DATABASE_URL) databaseUrl: string,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.listener = new PgListener(
      databaseUrl,
      [FIRINGS_CHANNEL],
      (_c, payload) => this.alarm.hint(Number(payload) || 0),
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
    await this.dropRunner();
  }

  private async connection(): Promise<QueryRunner> {
    if (!this.runner) {
      const runner = this.ds.createQueryRunner();
      await runner.connect();
      this.runner = runner;
    }
    return this.runner;
  }

  private async dropRunner(): Promise<void> {
    const r = this.runner;
    this.runner = undefined;
    await r?.release().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const count = await this.fireDue();
        if (count >= FiringScheduler.batchSize) continue;
        const [next]: { fire_at: Date }[] = await (
          await this.connection()
        ).query('SELECT fire_at FROM sla.timer_firings WHERE fired_at IS NULL ORDER BY fire_at LIMIT 1');
        const poll = Date.now() + FiringScheduler.pollMs;
        if (this.running) await this.alarm.sleepUntil(next ? Math.min(next.fire_at.getTime(), poll) : poll);
      } catch (e) {
        if (!this.running) break;
        this.logger.warn({ error: (e as Error).message }, 'sla firing loop failed; retrying');
        await this.dropRunner();
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** Claims and fires at most one batch of due steps; returns how many. */
  async fireDue(now = new Date()): Promise<number> {
    const runner = await this.connection();
    await runner.startTransaction();
    try {
      const fired = await this.claimAndEmit(runner, now);
      await runner.commitTransaction();
      return fired;
    } catch (e) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw e;
    }
  }

  private async claimAndEmit(runner: QueryRunner, now: Date): Promise<number> {
    const m = runner.manager;
    const result: ClaimedFiring[] | [ClaimedFiring[], number] = await m.query(
      // Locks the timer with its firing, and skips both when a consumer or a recompute holds the
      // timer: they lock timers before firings, so taking firings first would deadlock with them.
      `WITH due AS (
         SELECT f.id FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id
          WHERE f.fired_at IS NULL AND f.fire_at <= $1
          ORDER BY f.fire_at LIMIT $2 FOR UPDATE OF f, t SKIP LOCKED)
       UPDATE sla.timer_firings f SET fired_at = clock_timestamp()
         FROM due, sla.timers t
        WHERE f.id = due.id AND t.id = f.timer_id
       RETURNING f.step, f.step_index, f.fire_at, f.fired_at, t.id AS timer_id, t.ticket_id, t.kind, t.department_id,
                 t.due_at, t.state, t.revision`,
      [now, FiringScheduler.batchSize],
    );
    // TypeORM answers UPDATE … RETURNING with [rows, affected].
    const rows = (Array.isArray(result[0]) ? result[0] : result) as ClaimedFiring[];
    if (!rows.length) return 0;
    const live = rows
      .filter((r) => r.state === 'running')
      .sort((a, b) => a.fire_at.getTime() - b.fire_at.getTime());
    const breached = live.filter((r) => r.step === 'breach').map((r) => r.timer_id);
    if (breached.length) {
      await m.query(
        'UPDATE sla.timers SET breached_at = COALESCE(breached_at, due_at) WHERE id = ANY($1::uuid[])',
        [breached],
      );
    }
    await this.outbox.append(
      m,
      Topics.Sla,
      live.map((r) => this.toEvent(r)),
    );
    for (const r of live) {
      const kind = parseStep(r.step).kind;
      lag.observe({ kind }, Math.max(0, r.fired_at.getTime() - r.fire_at.getTime()) / 1000);
      fired.inc({ kind });
    }
    return rows.length;
  }

  private toEvent(r: ClaimedFiring): EventEnvelope<unknown> {
    const { kind, label } = parseStep(r.step);
    const ref = {
      ticketId: r.ticket_id,
      timerId: r.timer_id,
      kind: r.kind,
      departmentId: r.department_id,
      dueAt: r.due_at ? r.due_at.toISOString() : '',
      fireAt: r.fire_at.toISOString(),
    };
    const base = { aggregateId: r.ticket_id, aggregateVersion: r.revision, actor: SYSTEM_ACTOR };
    if (kind === 'warning') {
      return newEvent<SlaWarningPayload>({
        ...base,
        type: SlaEvents.warning,
        payload: { ...ref, level: 'yellow', threshold: label },
      });
    }
    if (kind === 'breach')
      return newEvent<SlaBreachedPayload>({
        ...base,
        type: SlaEvents.breached,
        payload: { ...ref, level: 'red' },
      });
    return newEvent<SlaEscalatedPayload>({
      ...base,
      type: SlaEvents.escalated,
      payload: { ...ref, step: label as SlaEscalatedPayload['step'], stepIndex: r.step_index },
    });
  }
}
