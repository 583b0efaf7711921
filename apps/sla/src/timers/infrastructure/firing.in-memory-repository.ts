import { DueStep, FiredSteps } from '../domain/due-step';
import { FiringRepository } from '../domain/firing.repository';
import { SlaRecordedEvent } from '../domain/sla-event';

/** Planned steps in memory, for handler specs: a step is claimed once; what was announced is kept. */
export class InMemoryFiringRepository extends FiringRepository {
  readonly claimed = new Set<DueStep>();
  readonly breached = new Set<string>();
  readonly events: SlaRecordedEvent[] = [];

  /** Steps as planned; `firedAt` is set when claimed. */
  constructor(readonly planned: DueStep[] = []) {
    super();
  }

  async claimDue(now: Date, limit: number): Promise<DueStep[]> {
    const due = this.planned
      .filter((s) => !this.claimed.has(s) && s.fireAt <= now.getTime())
      .sort((a, b) => a.fireAt - b.fireAt)
      .slice(0, limit);
    for (const s of due) this.claimed.add(s);
    return due.map((s) => ({ ...s, firedAt: now.getTime() }));
  }

  async save(fired: FiredSteps): Promise<void> {
    for (const id of fired.breachedTimerIds) this.breached.add(id);
    this.events.push(...fired.events);
  }

  async nextDueAt(): Promise<number | null> {
    const unfired = this.planned.filter((s) => !this.claimed.has(s)).map((s) => s.fireAt);
    return unfired.length ? Math.min(...unfired) : null;
  }
}
