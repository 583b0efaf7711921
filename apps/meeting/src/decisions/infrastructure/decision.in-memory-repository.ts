import { RecordedChange } from '../../shared/domain/recorded-change';
import { Decision, DecisionClock, DecisionProps } from '../domain/decision.aggregate';
import { DecisionRepository, FollowUpDecision } from '../domain/decision.repository';

/** Decisions in memory, for handler specs. `onScheduledAgenda` stands for decisions a scheduled meeting already took up. */
export class InMemoryDecisionRepository extends DecisionRepository {
  readonly rows = new Map<string, DecisionProps>();
  readonly saved: RecordedChange[] = [];
  readonly onScheduledAgenda = new Set<string>();

  async lockById(id: string): Promise<Decision | null> {
    const props = this.rows.get(id);
    return props ? Decision.rehydrate(structuredClone(props)) : null;
  }

  async add(decision: Decision): Promise<void> {
    await this.save(decision);
  }

  async save(decision: Decision): Promise<void> {
    this.rows.set(decision.id, structuredClone(decision.snapshot()) as DecisionProps);
    this.saved.push(...decision.pullChanges());
  }

  seed(decision: Decision): void {
    decision.pullChanges();
    this.rows.set(decision.id, structuredClone(decision.snapshot()) as DecisionProps);
  }

  async awaitingFollowUp(): Promise<FollowUpDecision[]> {
    return [...this.rows.values()]
      .filter((d) => d.status !== 'closed' && !this.onScheduledAgenda.has(d.id))
      .sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime())
      .map((d) => ({
        decisionId: d.id,
        title: d.title,
        ticketId: d.ticketId,
        ticketNumber: null,
        needId: d.needId,
        enterpriseId: d.enterpriseId,
        departmentIds: [d.leadDepartmentId, ...d.coHandlerDepartmentIds],
      }));
  }

  async recordClock(decisionId: string, clock: Partial<DecisionClock>): Promise<boolean> {
    const d = this.rows.get(decisionId);
    if (!d) return false;
    d.clock = {
      dueAt: clock.dueAt !== undefined ? clock.dueAt : d.clock.dueAt,
      flag: clock.flag && d.clock.flag !== 'red' ? clock.flag : d.clock.flag,
      escalation: clock.escalation ?? d.clock.escalation,
    };
    return true;
  }
}
