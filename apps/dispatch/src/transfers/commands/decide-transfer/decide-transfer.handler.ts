import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { RoutedTicketRepository } from '../../../tickets/domain/routed-ticket.repository';
import { TransferRequestRecord } from '../../domain/transfer-request.aggregate';
import { TransferRequestRepository } from '../../domain/transfer-request.repository';
import { DecideTransferCommand } from './decide-transfer.command';
import { Clock } from '@ticketing/contracts';

/** 首办负责制: only the committee moves a ticket to another lead, once per request (dispatch.transfer-decided). */
@CommandHandler(DecideTransferCommand)
export class DecideTransferHandler implements ICommandHandler<DecideTransferCommand, TransferRequestRecord> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transfers: TransferRequestRepository,
    private readonly tickets: RoutedTicketRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  execute(c: DecideTransferCommand): Promise<TransferRequestRecord> {
    return this.uow.transaction(async () => {
      const request = await this.transfers.lockById(c.transferRequestId);
      if (!request) throw notFound('transfer request', c.transferRequestId);
      const ticket = await this.tickets.lockById(request.ticketId);
      if (!ticket.isKnown) {
        throw new Error(
          `transfer request ${request.id} names ticket ${request.ticketId}, which the desk does not know`,
        );
      }
      const active = await this.departments.activeIds();
      const now = Clock.now();
      const decision = request.decide(
        {
          approved: c.approved,
          leadDepartmentId: c.leadDepartmentId,
          coHandlerDepartmentIds: c.coHandlerDepartmentIds,
          note: c.note,
        },
        {
          isKnownDepartment: (id) => active.has(id),
          currentCoHandlerDepartmentIds: ticket.state.coHandlerDepartmentIds,
        },
        c.actor.id,
        now,
      );
      ticket.applyTransferDecision(request, decision, c.actor, now);
      await this.transfers.save(request);
      await this.tickets.save(ticket);
      return request.state;
    });
  }
}
