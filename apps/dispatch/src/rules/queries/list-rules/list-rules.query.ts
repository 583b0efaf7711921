export class ListRulesQuery {}

export class GetRuleQuery {
  constructor(readonly ruleId: string) {}
}
