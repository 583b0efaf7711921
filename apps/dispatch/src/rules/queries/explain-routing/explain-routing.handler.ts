import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { RoutingResult, RuleEngine } from '../../domain/rule-engine';
import { loadOrderedRules, toRoutingRule } from '../../infrastructure/routing-rule.repository';
import { ExplainRoutingQuery } from './explain-routing.query';

/** The same engine and rules the consumer uses, so the desk can test a wording before it arrives. */
@QueryHandler(ExplainRoutingQuery)
export class ExplainRoutingHandler implements IQueryHandler<ExplainRoutingQuery, RoutingResult> {
  private readonly engine = new RuleEngine();

  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  async execute({ facts }: ExplainRoutingQuery): Promise<RoutingResult> {
    const rules = (await loadOrderedRules(this.dataSource.manager)).map(toRoutingRule);
    return this.engine.route(facts, rules);
  }
}
