import { RoutingRule, RuleVersion } from './routing-rule.aggregate';

/**
 * Where rules live. The order the engine tries them in is priority, then the older rule first.
 * `save` writes the rule's row and the versions it made, in the unit of work's transaction.
 */
export abstract class RoutingRuleRepository {
  /** Every rule, disabled ones included, in the order they are tried. */
  abstract listOrdered(): Promise<RoutingRule[]>;
  /**
   * The same, for routing a ticket: read on every ticket, so it may come from memory while no
   * rule changes (a change this process commits is seen by its next read; one committed
   * elsewhere once its notification arrives).
   */
  abstract listForRouting(): Promise<RoutingRule[]>;
  /** Every rule in order, held against any other change until the unit of work ends (a reorder). */
  abstract lockAllOrdered(): Promise<RoutingRule[]>;
  abstract findById(id: string): Promise<RoutingRule | null>;
  /** The rule, held for the rest of the unit of work. */
  abstract lockById(id: string): Promise<RoutingRule | null>;
  /** The priority that puts a new rule after every existing one. */
  abstract nextPriority(): Promise<number>;
  /** Oldest first; empty when the rule does not exist. */
  abstract versionsOf(ruleId: string): Promise<RuleVersion[]>;
  abstract save(...rules: RoutingRule[]): Promise<void>;
}
