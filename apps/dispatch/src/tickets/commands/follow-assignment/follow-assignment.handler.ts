import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { FollowAssignmentCommand } from './follow-assignment.command';
import { Clock } from '@ticketing/contracts';

/** The desk follows who leads the ticket now, and counts the assignment for that department. */
@CommandHandler(FollowAssignmentCommand)
export class FollowAssignmentHandler implements ICommandHandler<FollowAssignmentCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
  ) {}

  execute(c: FollowAssignmentCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(c.ticketId);
      ticket.followAssignment(
        {
          leadDepartmentId: c.leadDepartmentId,
          coHandlerDepartmentIds: c.coHandlerDepartmentIds,
          firstHandlerDepartmentId: c.firstHandlerDepartmentId,
          via: c.via,
          previousLeadDepartmentId: c.previousLeadDepartmentId,
        },
        { eventId: c.eventId, actor: c.actor, occurredAt: c.occurredAt },
        Clock.now(),
      );
      await this.tickets.save(ticket);
    });
  }
}
