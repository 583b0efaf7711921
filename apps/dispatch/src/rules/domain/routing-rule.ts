import { FieldError, fieldProblem } from '@ticketing/platform';

/** What a routing rule looks at: every condition that is given must hold (AND); within one, any value (OR). */
export interface RuleConditions {
  categories?: string[];
  /** Matched as substrings of the title or description; Latin letters case-insensitively. */
  keywords?: string[];
  gridIds?: string[];
  enterpriseIds?: string[];
}

export interface RuleDecision {
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
}

/** One version of a rule as the engine sees it (the RoutingRule aggregate is one). */
export interface RuleSnapshot {
  id: string;
  version: number;
  name: string;
  /** Lower runs first; ties keep creation order (the caller sorts). */
  priority: number;
  enabled: boolean;
  conditions: RuleConditions;
  decision: RuleDecision;
}

const CONDITION_KEYS = ['categories', 'keywords', 'gridIds', 'enterpriseIds'] as const;

/** Drops empty lists, trims and de-duplicates values, so a stored rule says exactly what it checks. */
export function normaliseConditions(c: RuleConditions): RuleConditions {
  const out: RuleConditions = {};
  for (const key of CONDITION_KEYS) {
    const values = [...new Set((c[key] ?? []).map((v) => v.trim()).filter(Boolean))];
    if (values.length) out[key] = values;
  }
  return out;
}

/**
 * The checks that need more than the shape of the request: a rule must test something, and route
 * to departments the desk knows, with the lead not doubling as its own co-handler.
 */
export function validateRuleContent(
  conditions: RuleConditions,
  decision: RuleDecision,
  isKnownDepartment: (id: string) => boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (!CONDITION_KEYS.some((k) => (conditions[k]?.length ?? 0) > 0)) {
    errors.push({
      field: 'conditions',
      messages: ['conditions must give at least one of categories, keywords, gridIds or enterpriseIds'],
    });
  }
  errors.push(...validateDecision(decision, isKnownDepartment, 'decision.'));
  return errors;
}

/** Where a ticket goes must be departments the desk knows, each once, the lead not also a co-handler. */
export function validateDecision(
  decision: RuleDecision,
  isKnownDepartment: (id: string) => boolean,
  prefix = '',
): FieldError[] {
  const errors: FieldError[] = [];
  if (!isKnownDepartment(decision.leadDepartmentId)) {
    errors.push({
      field: `${prefix}leadDepartmentId`,
      messages: [`${prefix}leadDepartmentId ${decision.leadDepartmentId} is not a known active department`],
    });
  }
  const co = decision.coHandlerDepartmentIds;
  const unknown = co.filter((id) => !isKnownDepartment(id));
  const coMessages: string[] = [];
  if (unknown.length)
    coMessages.push(`${prefix}coHandlerDepartmentIds holds unknown departments: ${unknown.join(', ')}`);
  if (co.includes(decision.leadDepartmentId)) {
    coMessages.push(`${prefix}coHandlerDepartmentIds must not contain the lead department`);
  }
  if (new Set(co).size !== co.length)
    coMessages.push(`${prefix}coHandlerDepartmentIds must not repeat a department`);
  if (coMessages.length) errors.push({ field: `${prefix}coHandlerDepartmentIds`, messages: coMessages });
  return errors;
}

/** What a rule says: checked, trimmed and normalised, as it is stored. */
export interface RuleContent {
  name: string;
  conditions: RuleConditions;
  decision: RuleDecision;
}

/** The rule as it will be stored, or a 400 naming every field at fault. */
export function checkRuleContent(
  input: RuleContent,
  isKnownDepartment: (id: string) => boolean,
): RuleContent {
  const conditions = normaliseConditions(input.conditions);
  const decision: RuleDecision = {
    leadDepartmentId: input.decision.leadDepartmentId,
    coHandlerDepartmentIds: input.decision.coHandlerDepartmentIds,
  };
  const errors = validateRuleContent(conditions, decision, isKnownDepartment);
  const name = input.name.trim();
  if (!name) errors.unshift({ field: 'name', messages: ['name must not be blank'] });
  if (errors.length) throw fieldProblem(errors);
  return { name, conditions, decision };
}
