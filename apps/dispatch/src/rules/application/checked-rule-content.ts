import { EntityManager } from 'typeorm';
import { invalid } from '../../common/field-errors';
import { loadActiveDepartmentIds } from '../../departments/infrastructure/department-directory';
import {
  normaliseConditions,
  RuleConditions,
  RuleDecision,
  validateRuleContent,
} from '../domain/routing-rule';
import { RuleContentDto } from '../rule.dto';

/** The rule as it will be stored, or a 400 naming every field at fault. */
export async function checkedRuleContent(
  manager: EntityManager,
  dto: RuleContentDto,
): Promise<{ name: string; conditions: RuleConditions; decision: RuleDecision }> {
  const conditions = normaliseConditions(dto.conditions);
  const decision: RuleDecision = {
    leadDepartmentId: dto.decision.leadDepartmentId,
    coHandlerDepartmentIds: dto.decision.coHandlerDepartmentIds,
  };
  const active = await loadActiveDepartmentIds(manager);
  const errors = validateRuleContent(conditions, decision, (id) => active.has(id));
  const name = dto.name.trim();
  if (!name) errors.unshift({ field: 'name', messages: ['name must not be blank'] });
  if (errors.length) throw invalid(errors);
  return { name, conditions, decision };
}
