import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { RecordReopenCommand } from './record-reopen.command';

/** A reopen stays with the lead (no new routing) and counts against it. */
@CommandHandler(RecordReopenCommand)
export class RecordReopenHandler implements ICommandHandler<RecordReopenCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
  ) {}

  execute(c: RecordReopenCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(c.ticketId);
      ticket.reopen(
        { leadDepartmentId: c.leadDepartmentId, reason: c.reason, reopenCount: c.reopenCount },
        { eventId: c.eventId, actor: c.actor, occurredAt: c.occurredAt },
      );
      await this.tickets.save(ticket);
    });
  }
}
