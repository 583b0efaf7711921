import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { SetRuleEnabledCommand } from './set-rule-enabled.command';

/** Rules are disabled, never deleted: decisions name them, and the ledger must still explain those. */
@CommandHandler(SetRuleEnabledCommand)
export class SetRuleEnabledHandler implements ICommandHandler<SetRuleEnabledCommand, RoutingRule> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: RoutingRuleRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: SetRuleEnabledCommand): Promise<RoutingRule> {
    return this.uow.transaction(async () => {
      const rule = await this.rules.lockById(c.ruleId);
      if (!rule) throw notFound('routing rule', c.ruleId);
      rule.assertVersion(c.expectedVersion);
      const active = await this.departments.activeIds();
      rule.setEnabled(c.enabled, (id) => active.has(id), c.actor.id, new Date());
      await this.rules.save(rule);
      return rule;
    });
  }
}
