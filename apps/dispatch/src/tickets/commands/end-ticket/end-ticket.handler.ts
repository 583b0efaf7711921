import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { TransferRequestRepository } from '../../../transfers/domain/transfer-request.repository';
import { RoutedTicketRepository } from '../../domain/routed-ticket.repository';
import { EndTicketCommand } from './end-ticket.command';
import { Clock } from '@ticketing/contracts';

/** A withdrawn or closed ticket leaves the triage queue, and its pending transfer request is moot. */
@CommandHandler(EndTicketCommand)
export class EndTicketHandler implements ICommandHandler<EndTicketCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
    private readonly transfers: TransferRequestRepository,
  ) {}

  execute(c: EndTicketCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(c.ticketId);
      const now = Clock.now();
      const pending = await this.transfers.pendingOf(c.ticketId);
      for (const request of pending) request.cancel(`the ticket was ${c.outcome}`, now);
      ticket.end(c.outcome, pending, { actor: c.actor, occurredAt: c.occurredAt }, now);
      await this.transfers.save(...pending);
      await this.tickets.save(ticket);
    });
  }
}
