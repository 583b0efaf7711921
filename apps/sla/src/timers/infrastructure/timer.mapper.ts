import { SlaTimerKind } from '@ticketing/contracts';
import { Duration, TimerBasis } from '../../policies/domain/duration';
import { PauseCondition } from '../../policies/domain/policy';
import { PauseInterval, TimerOutcome, TimerStateName } from '../domain/timer';
import { TimerSnapshot } from '../domain/timer.aggregate';

/** A row of sla.timers as pg returns it (bigints as strings, pauses as stored JSON). */
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
  own_duration: Duration | null;
  extension_ms: string;
  pauses: StoredPause[];
  pause_when: PauseCondition[];
  due_at: Date | null;
  state: TimerStateName;
  outcome: TimerOutcome | null;
  stopped_at: Date | null;
  breached_at: Date | null;
  revision: number;
}

/** Every column a TimerRow holds (the compiler checks the list is whole), for statements that name them. */
const TIMER_ROW_COLUMNS: Record<keyof TimerRow, true> = {
  id: true,
  ticket_id: true,
  kind: true,
  department_id: true,
  policy_id: true,
  policy_version: true,
  calendar_id: true,
  basis: true,
  started_at: true,
  budget_ms: true,
  own_duration: true,
  extension_ms: true,
  pauses: true,
  pause_when: true,
  due_at: true,
  state: true,
  outcome: true,
  stopped_at: true,
  breached_at: true,
  revision: true,
};
/** `id, ticket_id, …`: a timer's columns, named (a prepared statement may not return `*`, ADR 0018). */
export const TIMER_ROW_SELECT = Object.keys(TIMER_ROW_COLUMNS).join(', ');

/** A pause as stored in the pauses column, and shown to clients as is. */
export interface StoredPause {
  from: string;
  to: string | null;
  reason: PauseCondition;
}

const ms = (d: Date | null): number | null => (d ? d.getTime() : null);

export const pausesOf = (stored: StoredPause[]): PauseInterval[] =>
  stored.map((p) => ({
    from: Date.parse(p.from),
    to: p.to === null ? null : Date.parse(p.to),
    reason: p.reason,
  }));

export const storedPauses = (pauses: readonly PauseInterval[]): StoredPause[] =>
  pauses.map((p) => ({
    from: new Date(p.from).toISOString(),
    to: p.to === null ? null : new Date(p.to).toISOString(),
    reason: p.reason,
  }));

export const timerSnapshotOf = (r: TimerRow): TimerSnapshot => ({
  id: r.id,
  ticketId: r.ticket_id,
  kind: r.kind,
  departmentId: r.department_id,
  policyId: r.policy_id,
  policyVersion: r.policy_version,
  calendarId: r.calendar_id,
  basis: r.basis,
  startedAt: r.started_at.getTime(),
  budgetMs: Number(r.budget_ms),
  ownDuration: r.own_duration ?? null,
  extensionMs: Number(r.extension_ms),
  pauses: pausesOf(r.pauses),
  pauseWhen: r.pause_when,
  dueAt: ms(r.due_at),
  state: r.state,
  outcome: r.outcome,
  stoppedAt: ms(r.stopped_at),
  breachedAt: ms(r.breached_at),
  revision: r.revision,
});

const instant = (v: number | null): Date | null => (v === null ? null : new Date(v));

/**
 * The snapshots as parallel column arrays for one INSERT or UPDATE … FROM unnest(…): a batch of
 * timers is one statement. Arrays per row (pauses, pause_when) travel as JSON text.
 */
export function timerColumns(timers: readonly TimerSnapshot[]): unknown[] {
  return [
    timers.map((t) => t.id),
    timers.map((t) => t.ticketId),
    timers.map((t) => t.kind),
    timers.map((t) => t.departmentId),
    timers.map((t) => t.policyId),
    timers.map((t) => t.policyVersion),
    timers.map((t) => t.calendarId),
    timers.map((t) => t.basis),
    timers.map((t) => new Date(t.startedAt)),
    timers.map((t) => t.budgetMs),
    timers.map((t) => t.extensionMs),
    timers.map((t) => JSON.stringify(storedPauses(t.pauses))),
    timers.map((t) => JSON.stringify(t.pauseWhen)),
    timers.map((t) => instant(t.dueAt)),
    timers.map((t) => t.state),
    timers.map((t) => t.outcome),
    timers.map((t) => instant(t.stoppedAt)),
    timers.map((t) => t.revision),
    timers.map((t) => (t.ownDuration === null ? null : JSON.stringify(t.ownDuration))),
  ];
}

/** The unnest(…) of timerColumns, as a row source `u`. */
export const TIMER_COLUMNS_SOURCE = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::text[],
              $8::text[], $9::timestamptz[], $10::bigint[], $11::bigint[], $12::text[], $13::text[],
              $14::timestamptz[], $15::text[], $16::text[], $17::timestamptz[], $18::int[], $19::text[])
       AS u(id, ticket_id, kind, department_id, policy_id, policy_version, calendar_id, basis, started_at,
            budget_ms, extension_ms, pauses, pause_when, due_at, state, outcome, stopped_at, revision, own_duration)`;
