import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { RoutingRuleRepository } from '../../../rules/domain/routing-rule.repository';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { RouteTicketCommand } from './route-ticket.command';
import { Clock } from '@ticketing/contracts';

/**
 * 党委响应: the committee's rules route a new ticket, or it waits for a person in the triage queue.
 * Exactly one decision event leaves, in the same transaction as the record (inside a consumer:
 * the inbox's).
 */
@CommandHandler(RouteTicketCommand)
export class RouteTicketHandler implements ICommandHandler<RouteTicketCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
    private readonly rules: RoutingRuleRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: RouteTicketCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(c.ticketId);
      // A ticket re-announced under a new event id must not be routed twice.
      if (ticket.isKnown) return;
      const now = Clock.now();
      ticket.submit(
        {
          number: c.number,
          enterpriseId: c.enterpriseId,
          enterpriseName: c.enterpriseName,
          title: c.title,
          description: c.description,
          category: c.category,
          urgency: c.urgency,
          gridId: c.gridId,
          submittedAt: c.submittedAt,
        },
        { actor: c.actor, occurredAt: c.occurredAt },
        now,
      );
      const rules = await this.rules.listForRouting();
      const active = await this.departments.activeIdsForRouting();
      ticket.routeBy(rules, (id) => active.has(id), now);
      await this.tickets.save(ticket);
    });
  }
}
