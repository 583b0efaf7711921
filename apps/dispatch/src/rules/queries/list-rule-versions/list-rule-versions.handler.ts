import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { RoutingRuleVersionOrmEntity } from '../../infrastructure/routing-rule-version.orm-entity';
import { ListRuleVersionsQuery } from './list-rule-versions.query';

@QueryHandler(ListRuleVersionsQuery)
export class ListRuleVersionsHandler implements IQueryHandler<
  ListRuleVersionsQuery,
  RoutingRuleVersionOrmEntity[]
> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  async execute({ ruleId }: ListRuleVersionsQuery): Promise<RoutingRuleVersionOrmEntity[]> {
    const rows = await this.dataSource.manager.find(RoutingRuleVersionOrmEntity, {
      where: { ruleId },
      order: { version: 'ASC' },
    });
    if (!rows.length) throw new DomainError('notFound', `routing rule ${ruleId} does not exist`);
    return rows;
  }
}
