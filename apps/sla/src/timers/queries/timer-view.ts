import { WorkCalendar } from '@ticketing/calendar';
import { CalendarRepository } from '../../calendars/domain/calendar.repository';
import { timeline } from '../domain/timer';
import { Timer } from '../domain/timer.aggregate';
import { TimerRow, timerSnapshotOf } from '../infrastructure/timer.mapper';

const minutes = (ms: number) => ms / 60_000;

/**
 * Timers as the ticket and decision pages show them. Durations are given in integer milliseconds
 * (exact: they add up) and in minutes (for people); each pause with its reason.
 */
export async function timerViews(rows: readonly TimerRow[], calendars: CalendarRepository, now: number) {
  const loaded = new Map<string, WorkCalendar>();
  const out = [];
  for (const r of rows) {
    let cal = loaded.get(r.calendar_id);
    if (!cal) loaded.set(r.calendar_id, (cal = await calendars.workCalendar(r.calendar_id)));
    const t = timeline(Timer.restore(timerSnapshotOf(r)).facts(), cal, now);
    out.push({
      id: r.id,
      kind: r.kind,
      departmentId: r.department_id,
      state: r.state,
      outcome: r.outcome,
      basis: r.basis,
      policy: { id: r.policy_id, version: r.policy_version },
      calendarId: r.calendar_id,
      startedAt: r.started_at.toISOString(),
      dueAt: r.due_at?.toISOString() ?? null,
      stoppedAt: r.stopped_at?.toISOString() ?? null,
      breachedAt: r.breached_at?.toISOString() ?? null,
      pausedIntervals: r.pauses,
      asOf: new Date(t.asOf).toISOString(),
      ms: {
        allowance: t.allowanceMs,
        budget: t.budgetMs,
        extension: t.extensionMs,
        elapsedWall: t.elapsedWallMs,
        pausedWall: t.pausedWallMs,
        elapsedWorking: t.elapsedWorkingMs,
        pausedWorking: t.pausedWorkingMs,
        active: t.activeMs,
        remaining: t.remainingMs,
        remainingWorking: t.remainingWorkingMs,
      },
      elapsedWallMinutes: minutes(t.elapsedWallMs),
      pausedWallMinutes: minutes(t.pausedWallMs),
      elapsedWorkingMinutes: minutes(t.elapsedWorkingMs),
      pausedWorkingMinutes: minutes(t.pausedWorkingMs),
      remainingWorkingMinutes: minutes(t.remainingWorkingMs),
    });
  }
  return out;
}
