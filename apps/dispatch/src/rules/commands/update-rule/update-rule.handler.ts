import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { checkRuleContent } from '../../domain/routing-rule';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { UpdateRuleCommand } from './update-rule.command';

/** An edit never overwrites: it makes the next version, and decisions keep naming the one they used. */
@CommandHandler(UpdateRuleCommand)
export class UpdateRuleHandler implements ICommandHandler<UpdateRuleCommand, RoutingRule> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: RoutingRuleRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: UpdateRuleCommand): Promise<RoutingRule> {
    return this.uow.transaction(async () => {
      const active = await this.departments.activeIds();
      const content = checkRuleContent(c, (id) => active.has(id));
      const rule = await this.rules.lockById(c.ruleId);
      if (!rule) throw notFound('routing rule', c.ruleId);
      rule.assertVersion(c.expectedVersion);
      rule.edit(content, c.actor.id, new Date());
      await this.rules.save(rule);
      return rule;
    });
  }
}
