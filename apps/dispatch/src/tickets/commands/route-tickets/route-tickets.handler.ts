import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { underCause } from '@ticketing/messaging';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { RoutingRuleRepository } from '../../../rules/domain/routing-rule.repository';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { RouteTicketsCommand } from './route-tickets.command';

/**
 * 党委响应: the committee's rules route each new ticket, or it waits for a person in the triage
 * queue. The command's tickets are locked in one statement; exactly one decision event leaves per
 * ticket, caused by its submission, in the same transaction as the records (inside a consumer:
 * the inbox's).
 */
@CommandHandler(RouteTicketsCommand)
export class RouteTicketsHandler implements ICommandHandler<RouteTicketsCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
    private readonly rules: RoutingRuleRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: RouteTicketsCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const tickets = await this.tickets.lockByIds(c.submissions.map((s) => s.ticketId));
      // A ticket re-announced under a new event id must not be routed twice.
      const fresh = c.submissions.flatMap((s, i) => (tickets[i].isKnown ? [] : [{ s, ticket: tickets[i] }]));
      if (!fresh.length) return;
      const rules = await this.rules.listForRouting();
      const active = await this.departments.activeIdsForRouting();
      const now = Clock.now();
      for (const { s, ticket } of fresh) {
        ticket.submit(
          {
            number: s.number,
            enterpriseId: s.enterpriseId,
            enterpriseName: s.enterpriseName,
            title: s.title,
            description: s.description,
            category: s.category,
            urgency: s.urgency,
            gridId: s.gridId,
            submittedAt: s.submittedAt,
          },
          { actor: s.actor, occurredAt: s.occurredAt },
          now,
        );
        ticket.routeBy(rules, (id) => active.has(id), now);
        await underCause(s.cause, () => this.tickets.save(ticket));
      }
    });
  }
}
