import { RoutingRule, RoutingRuleProps, RuleVersion } from '../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../domain/routing-rule.repository';

const snapshot = (r: RoutingRule): RoutingRuleProps => ({
  id: r.id,
  version: r.version,
  name: r.name,
  priority: r.priority,
  enabled: r.enabled,
  conditions: r.conditions,
  decision: r.decision,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

/** Rules in memory, for handler specs: what is saved is copied, so a spec sees only what was saved. */
export class InMemoryRoutingRuleRepository extends RoutingRuleRepository {
  readonly rows = new Map<string, RoutingRuleProps>();
  readonly versions: RuleVersion[] = [];

  /** Seeds a stored rule and its first version, as the seed migration writes them. */
  given(...rules: RoutingRuleProps[]): this {
    for (const r of rules) {
      this.rows.set(r.id, { ...r });
      this.versions.push({
        ruleId: r.id,
        version: r.version,
        name: r.name,
        enabled: r.enabled,
        conditions: r.conditions,
        decision: r.decision,
        change: 'created',
        changedAt: r.updatedAt,
        changedBy: r.updatedBy,
      });
    }
    return this;
  }

  async listOrdered(): Promise<RoutingRule[]> {
    return [...this.rows.values()]
      .sort(
        (a, b) =>
          a.priority - b.priority ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          a.id.localeCompare(b.id),
      )
      .map((p) => RoutingRule.restore(p));
  }

  listForRouting(): Promise<RoutingRule[]> {
    return this.listOrdered();
  }

  lockAllOrdered(): Promise<RoutingRule[]> {
    return this.listOrdered();
  }

  async findById(id: string): Promise<RoutingRule | null> {
    const p = this.rows.get(id);
    return p ? RoutingRule.restore(p) : null;
  }

  lockById(id: string): Promise<RoutingRule | null> {
    return this.findById(id);
  }

  async nextPriority(): Promise<number> {
    return Math.max(0, ...[...this.rows.values()].map((r) => r.priority)) + 10;
  }

  async versionsOf(ruleId: string): Promise<RuleVersion[]> {
    return this.versions.filter((v) => v.ruleId === ruleId).sort((a, b) => a.version - b.version);
  }

  async save(...rules: RoutingRule[]): Promise<void> {
    for (const rule of rules) {
      const changes = rule.pullChanges();
      if (changes.row === 'insert' && this.rows.has(rule.id)) throw new Error(`rule ${rule.id} exists`);
      if (changes.row) this.rows.set(rule.id, snapshot(rule));
      this.versions.push(...changes.versions);
    }
  }
}
