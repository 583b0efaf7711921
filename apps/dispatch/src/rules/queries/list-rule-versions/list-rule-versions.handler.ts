import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { RuleVersion } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { ListRuleVersionsQuery } from './list-rule-versions.query';

@QueryHandler(ListRuleVersionsQuery)
export class ListRuleVersionsHandler implements IQueryHandler<ListRuleVersionsQuery, RuleVersion[]> {
  constructor(private readonly rules: RoutingRuleRepository) {}

  async execute({ ruleId }: ListRuleVersionsQuery): Promise<RuleVersion[]> {
    const versions = await this.rules.versionsOf(ruleId);
    if (!versions.length) throw notFound('routing rule', ruleId);
    return versions;
  }
}
