import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { FollowAssignmentsCommand } from './follow-assignments.command';

/**
 * The desk follows who leads each ticket now, and counts the assignment for that department; the
 * command's tickets are locked in one statement and saved in one unit of work.
 */
@CommandHandler(FollowAssignmentsCommand)
export class FollowAssignmentsHandler implements ICommandHandler<FollowAssignmentsCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
  ) {}

  execute(c: FollowAssignmentsCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const tickets = await this.tickets.lockByIds(c.assignments.map((a) => a.ticketId));
      const now = Clock.now();
      c.assignments.forEach((a, i) =>
        tickets[i].followAssignment(
          {
            leadDepartmentId: a.leadDepartmentId,
            coHandlerDepartmentIds: a.coHandlerDepartmentIds,
            firstHandlerDepartmentId: a.firstHandlerDepartmentId,
            via: a.via,
            previousLeadDepartmentId: a.previousLeadDepartmentId,
          },
          { eventId: a.eventId, actor: a.actor, occurredAt: a.occurredAt },
          now,
        ),
      );
      await this.tickets.save(...tickets);
    });
  }
}
