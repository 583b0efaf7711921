import { EntityManager } from 'typeorm';
import { RoutingRule } from '../domain/routing-rule';
import { RoutingRuleOrmEntity } from './routing-rule.orm-entity';
import { RoutingRuleVersionOrmEntity, RuleChange } from './routing-rule-version.orm-entity';

export const toRoutingRule = (row: RoutingRuleOrmEntity): RoutingRule => ({
  id: row.id,
  version: row.version,
  name: row.name,
  priority: row.priority,
  enabled: row.enabled,
  conditions: row.conditions,
  decision: { leadDepartmentId: row.leadDepartmentId, coHandlerDepartmentIds: row.coHandlerDepartmentIds },
});

/** The order the engine tries rules in: priority, then the older rule first. */
export async function loadOrderedRules(manager: EntityManager): Promise<RoutingRuleOrmEntity[]> {
  return manager.find(RoutingRuleOrmEntity, { order: { priority: 'ASC', createdAt: 'ASC', id: 'ASC' } });
}

/** Writes the rule's new current state and the same state as a new history version. */
export async function saveRuleVersion(
  manager: EntityManager,
  row: RoutingRuleOrmEntity,
  change: RuleChange,
): Promise<void> {
  await manager.save(RoutingRuleOrmEntity, row);
  await manager.insert(RoutingRuleVersionOrmEntity, {
    ruleId: row.id,
    version: row.version,
    name: row.name,
    enabled: row.enabled,
    conditions: row.conditions,
    leadDepartmentId: row.leadDepartmentId,
    coHandlerDepartmentIds: row.coHandlerDepartmentIds,
    change,
    changedAt: row.updatedAt,
    changedBy: row.updatedBy,
  });
}
