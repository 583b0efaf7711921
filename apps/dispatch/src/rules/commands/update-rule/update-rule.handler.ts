import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { checkedRuleContent } from '../../application/checked-rule-content';
import { lockRuleAtVersion } from '../../application/locked-rule';
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { saveRuleVersion } from '../../infrastructure/routing-rule.repository';
import { UpdateRuleCommand } from './update-rule.command';

/** An edit never overwrites: it makes the next version, and decisions keep naming the one they used. */
@CommandHandler(UpdateRuleCommand)
export class UpdateRuleHandler implements ICommandHandler<UpdateRuleCommand, RoutingRuleOrmEntity> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ ruleId, input, actor }: UpdateRuleCommand): Promise<RoutingRuleOrmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const content = await checkedRuleContent(manager, input);
      const row = await lockRuleAtVersion(manager, ruleId, input.expectedVersion);
      row.version += 1;
      row.name = content.name;
      row.conditions = content.conditions;
      row.leadDepartmentId = content.decision.leadDepartmentId;
      row.coHandlerDepartmentIds = content.decision.coHandlerDepartmentIds;
      row.updatedAt = new Date();
      row.updatedBy = actor.id;
      await saveRuleVersion(manager, row, 'edited');
      return row;
    });
  }
}
