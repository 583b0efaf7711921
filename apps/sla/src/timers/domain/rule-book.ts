import { WorkCalendar } from '@ticketing/calendar';
import { SlaTimerKind } from '@ticketing/contracts';
import { CalendarRepository } from '../../calendars/domain/calendar.repository';
import {
  PolicyVersion,
  ResolvedRule,
  TimerRule,
  resolveRule,
  ruleOf,
  subjectOfKind,
} from '../../policies/domain/policy';
import { PolicyRepository } from '../../policies/domain/policy.repository';

/**
 * The policies and calendars one unit of work consults, each read at most once (a lifecycle event
 * touches several timers of one ticket; a recompute batch thousands of timers of few policies).
 */
export class RuleBook {
  private readonly candidates = new Map<string, Promise<PolicyVersion[]>>();
  private readonly actives = new Map<string, Promise<PolicyVersion | undefined>>();
  private readonly calendars = new Map<string, Promise<WorkCalendar>>();

  constructor(
    private readonly policies: PolicyRepository,
    private readonly calendarRepository: CalendarRepository,
  ) {}

  calendar(id: string): Promise<WorkCalendar> {
    return this.memo(this.calendars, id, () => this.calendarRepository.workCalendar(id));
  }

  /**
   * The rule a new timer of `kind` follows on a ticket of this category and urgency (a decision's:
   * the decisions' policy, whatever category and urgency say); null when no active policy sets one.
   */
  async forNewTimer(category: string, urgency: string, kind: SlaTimerKind): Promise<ResolvedRule | null> {
    const subject = subjectOfKind(kind);
    const candidates = await this.memo(this.candidates, `${subject}|${category}|${urgency}`, () =>
      this.policies.candidates(subject, category, urgency),
    );
    return resolveRule(candidates, category, urgency, kind);
  }

  /** The rule a timer counts by: its policy version's; undefined when that version no longer sets it. */
  async ofVersion(policyId: string, version: number, kind: SlaTimerKind): Promise<TimerRule | undefined> {
    const policy = await this.policies.version(policyId, version);
    return policy && ruleOf(policy.definition, kind);
  }

  /**
   * The rule an open timer follows after its policy or calendar changed: its own policy's active
   * version if that still sets the timer, else the most specific active policy that does; null
   * when none does.
   */
  async afterChange(
    timer: { policyId: string; kind: SlaTimerKind },
    category: string,
    urgency: string,
  ): Promise<ResolvedRule | null> {
    const own = await this.memo(this.actives, timer.policyId, () => this.policies.active(timer.policyId));
    const rule = own && ruleOf(own.definition, timer.kind);
    if (own && rule) return { policy: own, rule };
    return this.forNewTimer(category, urgency, timer.kind);
  }

  private memo<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    let hit = cache.get(key);
    if (!hit) {
      hit = load();
      cache.set(key, hit);
    }
    return hit;
  }
}
