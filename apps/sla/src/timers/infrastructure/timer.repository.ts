import { SlaTimerKind } from '@ticketing/contracts';
import { TimerBasis } from '../../policies/domain/duration';
import { PauseCondition } from '../../policies/domain/policy';
import { PlannedFiring } from '../domain/firing-plan';
import { PauseInterval, TimerFacts, TimerOutcome, TimerStateName } from '../domain/timer';
import { Queryable } from '../../shared/queryable';

export interface TimerRow {
  id: string;
  ticket_id: string;
  kind: SlaTimerKind;
  department_id: string | null;
  policy_id: string;
  policy_version: number;
  calendar_id: string;
  basis: TimerBasis;
  started_at: Date;
  budget_ms: string;
  extension_ms: string;
  pauses: { from: string; to: string | null; reason: PauseCondition }[];
  pause_when: PauseCondition[];
  due_at: Date | null;
  state: TimerStateName;
  outcome: TimerOutcome | null;
  stopped_at: Date | null;
  breached_at: Date | null;
  revision: number;
}

export const factsOf = (r: TimerRow): TimerFacts => ({
  kind: r.kind,
  basis: r.basis,
  startedAt: r.started_at.getTime(),
  budgetMs: Number(r.budget_ms),
  extensionMs: Number(r.extension_ms),
  pauses: r.pauses.map((p) => ({
    from: Date.parse(p.from),
    to: p.to === null ? null : Date.parse(p.to),
    reason: p.reason,
  })),
  stoppedAt: r.stopped_at ? r.stopped_at.getTime() : null,
});

export const pausesJson = (pauses: PauseInterval[]): string =>
  JSON.stringify(
    pauses.map((p) => ({
      from: new Date(p.from).toISOString(),
      to: p.to === null ? null : new Date(p.to).toISOString(),
      reason: p.reason,
    })),
  );

export interface NewTimer {
  id: string;
  ticketId: string;
  kind: SlaTimerKind;
  departmentId: string | null;
  policyId: string;
  policyVersion: number;
  calendarId: string;
  basis: TimerBasis;
  startedAt: number;
  budgetMs: number;
  pauseWhen: PauseCondition[];
  dueAt: number;
}

export const timerSql = {
  async openOnes(q: Queryable, ticketId: string): Promise<TimerRow[]> {
    return q.query(
      `SELECT * FROM sla.timers WHERE ticket_id = $1 AND state <> 'stopped' ORDER BY started_at, id FOR UPDATE`,
      [ticketId],
    );
  },

  async insert(q: Queryable, t: NewTimer): Promise<TimerRow> {
    const [row]: TimerRow[] = await q.query(
      `INSERT INTO sla.timers (id, ticket_id, kind, department_id, policy_id, policy_version, calendar_id, basis,
                               started_at, budget_ms, pause_when, due_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'running') RETURNING *`,
      [
        t.id,
        t.ticketId,
        t.kind,
        t.departmentId,
        t.policyId,
        t.policyVersion,
        t.calendarId,
        t.basis,
        new Date(t.startedAt),
        t.budgetMs,
        t.pauseWhen,
        new Date(t.dueAt),
      ],
    );
    return row!;
  },

  /** Unfired steps are replaced; fired ones stay (ON CONFLICT), so a step never fires twice. */
  async replaceFirings(
    q: Queryable,
    timerIds: string[],
    plans: { timerId: string; firing: PlannedFiring }[],
  ): Promise<void> {
    if (timerIds.length) {
      await q.query('DELETE FROM sla.timer_firings WHERE timer_id = ANY($1::uuid[]) AND fired_at IS NULL', [
        timerIds,
      ]);
    }
    if (!plans.length) return;
    await q.query(
      `INSERT INTO sla.timer_firings (timer_id, step, step_index, fire_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[])
       ON CONFLICT (timer_id, step) DO NOTHING`,
      [
        plans.map((p) => p.timerId),
        plans.map((p) => p.firing.step),
        plans.map((p) => p.firing.stepIndex),
        plans.map((p) => new Date(p.firing.fireAt)),
      ],
    );
  },
};
