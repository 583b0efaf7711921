import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalid } from '../../../common/field-errors';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { RoutingRuleOrmEntity } from '../../infrastructure/routing-rule.orm-entity';
import { loadOrderedRules } from '../../infrastructure/routing-rule.repository';
import { ReorderRulesCommand } from './reorder-rules.command';

/**
 * Sets the whole order at once, so two desks reordering cannot interleave into an order nobody
 * chose. The order is not part of a rule's version: what a rule says does not change.
 */
@CommandHandler(ReorderRulesCommand)
export class ReorderRulesHandler implements ICommandHandler<ReorderRulesCommand, RoutingRuleOrmEntity[]> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ ruleIds, actor }: ReorderRulesCommand): Promise<RoutingRuleOrmEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('LOCK TABLE dispatch.routing_rules IN SHARE ROW EXCLUSIVE MODE');
      const rows = await loadOrderedRules(manager);
      const known = new Set(rows.map((r) => r.id));
      const messages: string[] = [];
      const repeated = ruleIds.filter((id, i) => ruleIds.indexOf(id) !== i);
      if (repeated.length) messages.push(`ruleIds repeats ${[...new Set(repeated)].join(', ')}`);
      const unknown = ruleIds.filter((id) => !known.has(id));
      if (unknown.length) messages.push(`ruleIds holds unknown rules: ${unknown.join(', ')}`);
      const given = new Set(ruleIds);
      const missing = rows.filter((r) => !given.has(r.id)).map((r) => r.id);
      if (missing.length) messages.push(`ruleIds must list every rule; missing: ${missing.join(', ')}`);
      if (messages.length) throw invalid([{ field: 'ruleIds', messages }]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const now = new Date();
      const ordered = ruleIds.map((id, i) => {
        const row = byId.get(id)!;
        row.priority = (i + 1) * 10;
        row.updatedAt = now;
        row.updatedBy = actor.id;
        return row;
      });
      await manager.save(RoutingRuleOrmEntity, ordered);
      return ordered;
    });
  }
}
