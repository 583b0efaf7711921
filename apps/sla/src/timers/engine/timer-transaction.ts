import { EventEnvelope, SlaTimerKind, Topics, newId } from '@ticketing/contracts';
import { OutboxWriter } from '@ticketing/messaging';
import { CalendarStore } from '../../calendars/infrastructure/calendar.store';
import { allowanceMs, basisOf } from '../../policies/domain/duration';
import { PauseCondition, PolicyVersion, TimerRule, resolveRule } from '../../policies/domain/policy';
import { PolicyStore } from '../../policies/infrastructure/policy.store';
import { EntityManager } from 'typeorm';
import { PlannedFiring, planFirings } from '../domain/firing-plan';
import { TimerFacts, TimerOutcome, dueAt, openPause, pausedClockMs, stopOutcome } from '../domain/timer';
import { timerClock } from '../domain/timer-clock';
import { TimerRow, factsOf, pausesJson, timerSql } from '../infrastructure/timer.repository';
import { deadlineSet, timerPaused, timerStopped } from './sla-events';

export const FIRINGS_CHANNEL = 'sla_firings';

export interface TicketScope {
  ticketId: string;
  category: string;
  urgency: string;
}

const EMPTY_RULE = (t: TimerRow): TimerRule => ({
  duration: { amount: 1, unit: 'seconds' },
  warnings: [],
  escalations: [],
  pauseWhen: t.pause_when,
});

/**
 * The timers of one ticket, changed by one lifecycle event inside the consumer's (inbox)
 * transaction. Rows are locked on load; all changes, the replanned firings and the events are
 * written by flush(), in the same transaction.
 */
export class TimerTransaction {
  private open: TimerRow[] = [];
  private readonly events: EventEnvelope<unknown>[] = [];
  private readonly replanned = new Map<string, PlannedFiring[]>();
  private candidates: PolicyVersion[] | undefined;

  constructor(
    private readonly q: EntityManager,
    private readonly calendars: CalendarStore,
    private readonly policies: PolicyStore,
    private readonly ticket: TicketScope,
    /** When the lifecycle event happened: timers count from then, not from when we saw it. */
    private readonly at: number,
  ) {}

  async load(): Promise<this> {
    this.open = await timerSql.openOnes(this.q, this.ticket.ticketId);
    return this;
  }

  find(kind: SlaTimerKind, departmentId?: string | null): TimerRow[] {
    return this.open.filter(
      (t) => t.kind === kind && (departmentId === undefined || t.department_id === departmentId),
    );
  }

  all(): TimerRow[] {
    return [...this.open];
  }

  async openTimer(kind: SlaTimerKind, departmentId: string | null): Promise<TimerRow | undefined> {
    const existing = this.find(kind, departmentId)[0];
    if (existing) return existing;
    this.candidates ??= await this.policies.candidates(this.q, this.ticket.category, this.ticket.urgency);
    const resolved = resolveRule(this.candidates, this.ticket.category, this.ticket.urgency, kind);
    if (!resolved) return undefined; // no policy sets this timer: nothing to count
    const { policy, rule } = resolved;
    const calendar = await this.calendars.get(this.q, policy.definition.calendarId);
    const basis = basisOf(rule.duration.unit);
    const facts: TimerFacts = {
      kind,
      basis,
      startedAt: this.at,
      budgetMs: allowanceMs(rule.duration, calendar, this.at),
      extensionMs: 0,
      pauses: [],
      stoppedAt: null,
    };
    const row = await timerSql.insert(this.q, {
      id: newId(),
      ticketId: this.ticket.ticketId,
      kind,
      departmentId,
      policyId: policy.id,
      policyVersion: policy.version,
      calendarId: policy.definition.calendarId,
      basis,
      startedAt: this.at,
      budgetMs: facts.budgetMs,
      pauseWhen: rule.pauseWhen,
      dueAt: dueAt(facts, timerClock(basis, calendar))!,
    });
    this.open.push(row);
    this.replanned.set(row.id, planFirings(facts, rule, calendar));
    this.events.push(deadlineSet(row, 'opened'));
    return row;
  }

  async stop(t: TimerRow, outcome?: TimerOutcome): Promise<void> {
    const calendar = await this.calendars.get(this.q, t.calendar_id);
    const facts = factsOf(t);
    const at = Math.max(this.at, facts.startedAt);
    const pause = openPause(facts);
    if (pause) pause.to = Math.max(at, pause.from);
    facts.stoppedAt = at;
    const working = timerClock('working', calendar);
    const usedMs = working.between(facts.startedAt, at) - pausedClockMs(facts, working, at);
    t.outcome = outcome ?? stopOutcome(t.due_at?.getTime() ?? null, t.breached_at?.getTime() ?? null, at);
    t.state = 'stopped';
    t.stopped_at = new Date(at);
    await this.save(t, facts);
    this.open = this.open.filter((o) => o !== t);
    this.replanned.set(t.id, []);
    this.events.push(timerStopped(t, usedMs / 60_000));
  }

  async stopAll(kinds?: SlaTimerKind[]): Promise<void> {
    for (const t of this.all()) if (!kinds || kinds.includes(t.kind)) await this.stop(t);
  }

  async pause(reason: PauseCondition): Promise<void> {
    for (const t of this.all()) {
      if (t.state !== 'running' || !t.pause_when.includes(reason)) continue;
      const facts = factsOf(t);
      const dueBefore = t.due_at;
      facts.pauses.push({ from: Math.max(this.at, facts.startedAt), to: null, reason });
      t.state = 'paused';
      t.due_at = null;
      await this.save(t, facts);
      this.replanned.set(t.id, []);
      this.events.push(timerPaused(t, this.at, reason, dueBefore));
    }
  }

  async resume(reason: PauseCondition): Promise<void> {
    for (const t of this.all()) {
      const facts = factsOf(t);
      const pause = openPause(facts);
      if (t.state !== 'paused' || !pause || pause.reason !== reason) continue;
      pause.to = Math.max(this.at, pause.from);
      t.state = 'running';
      await this.reschedule(t, facts, 'resumed');
    }
  }

  /** An approved extension: the deadline moves to `newDueMs` (never earlier than it was). */
  async extend(t: TimerRow, newDueMs: number): Promise<void> {
    if (t.state !== 'running' || !t.due_at) return;
    const calendar = await this.calendars.get(this.q, t.calendar_id);
    const clock = timerClock(t.basis, calendar);
    const added = clock.between(t.due_at.getTime(), newDueMs);
    if (added <= 0) return;
    const facts = factsOf(t);
    facts.extensionMs += added;
    await this.reschedule(t, facts, 'extended');
  }

  /** An approved transfer hands a ticket-level timer (the enterprise's reply) to the new lead. */
  async reassign(t: TimerRow, departmentId: string | null): Promise<void> {
    if (t.department_id === departmentId) return;
    t.department_id = departmentId;
    await this.save(t, factsOf(t));
    this.events.push(deadlineSet(t, 'reassigned'));
  }

  async flush(outbox: OutboxWriter): Promise<void> {
    const ids = [...this.replanned.keys()];
    const plans = ids.flatMap((timerId) =>
      this.replanned.get(timerId)!.map((firing) => ({ timerId, firing })),
    );
    await timerSql.replaceFirings(this.q, ids, plans);
    if (plans.length) {
      const earliest = Math.min(...plans.map((p) => p.firing.fireAt));
      await this.q.query('SELECT pg_notify($1, $2)', [FIRINGS_CHANNEL, String(earliest)]);
    }
    await outbox.append(this.q, Topics.Sla, this.events);
  }

  private async reschedule(t: TimerRow, facts: TimerFacts, reason: 'resumed' | 'extended'): Promise<void> {
    const calendar = await this.calendars.get(this.q, t.calendar_id);
    const due = dueAt(facts, timerClock(t.basis, calendar));
    t.due_at = due === null ? null : new Date(due);
    await this.save(t, facts);
    const policy = await this.policies.version(this.q, t.policy_id, t.policy_version);
    const rule = policy?.definition.timers[t.kind] ?? EMPTY_RULE(t);
    this.replanned.set(t.id, planFirings(facts, rule, calendar));
    this.events.push(deadlineSet(t, reason));
  }

  private async save(t: TimerRow, facts: TimerFacts): Promise<void> {
    t.revision += 1;
    t.extension_ms = String(facts.extensionMs);
    t.pauses = JSON.parse(pausesJson(facts.pauses));
    await this.q.query(
      `UPDATE sla.timers SET department_id = $2, extension_ms = $3, pauses = $4::jsonb, due_at = $5, state = $6,
              outcome = $7, stopped_at = $8, revision = $9 WHERE id = $1`,
      [
        t.id,
        t.department_id,
        facts.extensionMs,
        pausesJson(facts.pauses),
        t.due_at,
        t.state,
        t.outcome,
        t.stopped_at,
        t.revision,
      ],
    );
  }
}
