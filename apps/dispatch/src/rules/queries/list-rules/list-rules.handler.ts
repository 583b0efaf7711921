import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { loadOrderedRules } from '../../infrastructure/routing-rule.repository';
import { GetRuleQuery, ListRulesQuery } from './list-rules.query';

@QueryHandler(ListRulesQuery)
export class ListRulesHandler implements IQueryHandler<ListRulesQuery, RoutingRuleOrmEntity[]> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute(): Promise<RoutingRuleOrmEntity[]> {
    return loadOrderedRules(this.dataSource.manager);
  }
}

@QueryHandler(GetRuleQuery)
export class GetRuleHandler implements IQueryHandler<GetRuleQuery, RoutingRuleOrmEntity> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  async execute({ ruleId }: GetRuleQuery): Promise<RoutingRuleOrmEntity> {
    const row = await this.dataSource.manager.findOne(RoutingRuleOrmEntity, { where: { id: ruleId } });
    if (!row) throw new DomainError('notFound', `routing rule ${ruleId} does not exist`);
    return row;
  }
}
