import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { newId } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { checkedRuleContent } from '../../application/checked-rule-content';
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { saveRuleVersion } from '../../infrastructure/routing-rule.repository';
import { CreateRuleCommand } from './create-rule.command';

@CommandHandler(CreateRuleCommand)
export class CreateRuleHandler implements ICommandHandler<CreateRuleCommand, RoutingRuleOrmEntity> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ input, actor }: CreateRuleCommand): Promise<RoutingRuleOrmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const content = await checkedRuleContent(manager, input);
      let priority = input.priority;
      if (priority === undefined) {
        const [{ max }] = await manager.query(`SELECT max(priority) AS max FROM dispatch.routing_rules`);
        priority = (max ?? 0) + 10;
      }
      const now = new Date();
      const row = manager.create(RoutingRuleOrmEntity, {
        id: newId(),
        version: 1,
        name: content.name,
        priority,
        enabled: input.enabled ?? true,
        conditions: content.conditions,
        leadDepartmentId: content.decision.leadDepartmentId,
        coHandlerDepartmentIds: content.decision.coHandlerDepartmentIds,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.id,
      });
      await saveRuleVersion(manager, row, 'created');
      return row;
    });
  }
}
