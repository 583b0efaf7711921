import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { checkedRuleContent } from '../../application/checked-rule-content';
import { lockRuleAtVersion } from '../../application/locked-rule';
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { saveRuleVersion } from '../../infrastructure/routing-rule.repository';
import { SetRuleEnabledCommand } from './set-rule-enabled.command';

/** Rules are disabled, never deleted: decisions name them, and the ledger must still explain those. */
@CommandHandler(SetRuleEnabledCommand)
export class SetRuleEnabledHandler implements ICommandHandler<SetRuleEnabledCommand, RoutingRuleOrmEntity> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ ruleId, enabled, expectedVersion, actor }: SetRuleEnabledCommand): Promise<RoutingRuleOrmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockRuleAtVersion(manager, ruleId, expectedVersion);
      const state = row.enabled ? 'enabled' : 'disabled';
      if (row.enabled === enabled)
        throw new DomainError('conflict', `routing rule ${ruleId} is already ${state}`, { state });
      // A rule switched back on must still route to departments that exist.
      if (enabled) {
        await checkedRuleContent(manager, {
          name: row.name,
          conditions: row.conditions,
          decision: {
            leadDepartmentId: row.leadDepartmentId,
            coHandlerDepartmentIds: row.coHandlerDepartmentIds,
          },
        });
      }
      row.version += 1;
      row.enabled = enabled;
      row.updatedAt = new Date();
      row.updatedBy = actor.id;
      await saveRuleVersion(manager, row, enabled ? 'enabled' : 'disabled');
      return row;
    });
  }
}
