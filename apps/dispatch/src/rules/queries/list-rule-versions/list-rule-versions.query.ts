export class ListRuleVersionsQuery {
  constructor(readonly ruleId: string) {}
}
