import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { RoutedTicketRepository } from '../../../tickets/domain/routed-ticket.repository';
import { TransferRequest } from '../../domain/transfer-request.aggregate';
import { TransferRequestRepository } from '../../domain/transfer-request.repository';
import { RecordTransferRequestCommand } from './record-transfer-request.command';

/**
 * The request waits for the committee; the department keeps the ticket (and its clock) meanwhile.
 * The ticket allows one open request, so an older one still pending here was overtaken by this one.
 */
@CommandHandler(RecordTransferRequestCommand)
export class RecordTransferRequestHandler implements ICommandHandler<RecordTransferRequestCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: RoutedTicketRepository,
    private readonly transfers: TransferRequestRepository,
  ) {}

  execute(c: RecordTransferRequestCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(c.ticketId);
      ticket.learnFromTransferRequest(
        {
          number: c.ticketNumber,
          enterpriseId: c.enterpriseId,
          category: c.category,
          urgency: c.urgency,
          gridId: c.gridId,
          leadDepartmentId: c.leadDepartmentId,
          coHandlerDepartmentIds: c.coHandlerDepartmentIds,
        },
        c.fromDepartmentId,
        c.occurredAt,
      );
      const overtaken = await this.transfers.pendingOf(c.ticketId);
      for (const older of overtaken) older.cancel('superseded by a newer transfer request', c.occurredAt);
      const request = TransferRequest.request({
        id: newId(),
        ticketId: c.ticketId,
        ticketNumber: c.ticketNumber,
        fromDepartmentId: c.fromDepartmentId,
        reason: c.reason,
        requestedAt: c.occurredAt,
        requestedBy: c.actor.id,
        sourceEventId: c.eventId,
      });
      ticket.recordTransferRequest(request, { eventId: c.eventId, actor: c.actor, occurredAt: c.occurredAt });
      await this.transfers.save(...overtaken, request);
      await this.tickets.save(ticket);
    });
  }
}
