import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { RoutingResult, RuleEngine } from '../../domain/rule-engine';
import { ExplainRoutingQuery } from './explain-routing.query';

/** The same engine and rules the consumer uses, so the desk can test a wording before it arrives. */
@QueryHandler(ExplainRoutingQuery)
export class ExplainRoutingHandler implements IQueryHandler<ExplainRoutingQuery, RoutingResult> {
  private readonly engine = new RuleEngine();

  constructor(private readonly rules: RoutingRuleRepository) {}

  async execute(q: ExplainRoutingQuery): Promise<RoutingResult> {
    return this.engine.route(
      {
        title: q.title,
        description: q.description,
        category: q.category,
        gridId: q.gridId,
        enterpriseId: q.enterpriseId,
      },
      await this.rules.listOrdered(),
    );
  }
}
