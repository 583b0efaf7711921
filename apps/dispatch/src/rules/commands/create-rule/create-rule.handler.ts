import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { checkRuleContent } from '../../domain/routing-rule';
import { RoutingRule } from '../../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../../domain/routing-rule.repository';
import { CreateRuleCommand } from './create-rule.command';

/** A new rule starts at version 1, after every existing rule unless the committee places it. */
@CommandHandler(CreateRuleCommand)
export class CreateRuleHandler implements ICommandHandler<CreateRuleCommand, RoutingRule> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly rules: RoutingRuleRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: CreateRuleCommand): Promise<RoutingRule> {
    return this.uow.transaction(async () => {
      const active = await this.departments.activeIds();
      const content = checkRuleContent(c, (id) => active.has(id));
      const priority = c.priority ?? (await this.rules.nextPriority());
      const rule = RoutingRule.create(
        newId(),
        content,
        { priority, enabled: c.enabled },
        c.actor.id,
        new Date(),
      );
      await this.rules.save(rule);
      return rule;
    });
  }
}
