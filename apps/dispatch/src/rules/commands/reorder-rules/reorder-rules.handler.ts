import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { reorderRules } from '../../domain/rule-order';
import { ReorderRulesCommand } from './reorder-rules.command';

/**
 * Sets the whole order at once, with every rule held, so two desks reordering cannot interleave.
 * The order is not part of a rule's version: what a rule says does not change.
 */
@CommandHandler(ReorderRulesCommand)
export class ReorderRulesHandler implements ICommandHandler<ReorderRulesCommand, RoutingRule[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: RoutingRuleRepository,
  ) {}

  execute(c: ReorderRulesCommand): Promise<RoutingRule[]> {
    return this.uow.transaction(async () => {
      const ordered = reorderRules(await this.rules.lockAllOrdered(), c.ruleIds, c.actor.id, new Date());
      await this.rules.save(...ordered);
      return ordered;
    });
  }
}
