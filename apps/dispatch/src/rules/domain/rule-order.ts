import { fieldProblem } from '@ticketing/platform';
import { RoutingRule } from './routing-rule.aggregate';

/**
 * Puts every rule in the order given (10, 20, 30 …), or refuses with every fault of `ruleIds`.
 * The whole order is set at once, so two desks reordering cannot interleave into an order nobody
 * chose: the list must name each rule exactly once, disabled ones included.
 */
export function reorderRules(
  rules: RoutingRule[],
  ruleIds: string[],
  actorId: string,
  now: Date,
): RoutingRule[] {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const messages: string[] = [];
  const repeated = ruleIds.filter((id, i) => ruleIds.indexOf(id) !== i);
  if (repeated.length) messages.push(`ruleIds repeats ${[...new Set(repeated)].join(', ')}`);
  const unknown = ruleIds.filter((id) => !byId.has(id));
  if (unknown.length) messages.push(`ruleIds holds unknown rules: ${unknown.join(', ')}`);
  const given = new Set(ruleIds);
  const missing = rules.filter((r) => !given.has(r.id)).map((r) => r.id);
  if (missing.length) messages.push(`ruleIds must list every rule; missing: ${missing.join(', ')}`);
  if (messages.length) throw fieldProblem([{ field: 'ruleIds', messages }]);
  return ruleIds.map((id, i) => {
    const rule = byId.get(id)!;
    rule.moveTo((i + 1) * 10, actorId, now);
    return rule;
  });
}
