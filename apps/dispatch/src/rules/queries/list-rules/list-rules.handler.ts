import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { GetRuleQuery, ListRulesQuery } from './list-rules.query';

@QueryHandler(ListRulesQuery)
export class ListRulesHandler implements IQueryHandler<ListRulesQuery, RoutingRule[]> {
  constructor(private readonly rules: RoutingRuleRepository) {}

  execute(): Promise<RoutingRule[]> {
    return this.rules.listOrdered();
  }
}

@QueryHandler(GetRuleQuery)
export class GetRuleHandler implements IQueryHandler<GetRuleQuery, RoutingRule> {
  constructor(private readonly rules: RoutingRuleRepository) {}

  async execute({ ruleId }: GetRuleQuery): Promise<RoutingRule> {
    const rule = await this.rules.findById(ruleId);
    if (!rule) throw notFound('routing rule', ruleId);
    return rule;
  }
}
