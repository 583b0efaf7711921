import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DispatchEvents, DispatchTransferDecidedPayload, DomainError } from '@ticketing/contracts';
import { OutboxWriter } from '@ticketing/messaging';
import { DataSource } from 'typeorm';
import { loadActiveDepartmentIds } from '../../../departments/infrastructure/department-directory';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { recordActivity } from '../../../stats/infrastructure/department-activity.orm-entity';
import { emitForTicket } from '../../../tickets/application/dispatch-outbox';
import { DispatchTicketOrmEntity } from '../../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../../../tickets/infrastructure/ticket-history';
import { decideTransfer } from '../../domain/transfer-request';
import { TransferRequestOrmEntity } from '../../infrastructure/transfer-request.orm-entity';
import { DecideTransferCommand } from './decide-transfer.command';

@CommandHandler(DecideTransferCommand)
export class DecideTransferHandler implements ICommandHandler<
  DecideTransferCommand,
  TransferRequestOrmEntity
> {
  constructor(
    @InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  execute({ transferRequestId, input, actor }: DecideTransferCommand): Promise<TransferRequestOrmEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(TransferRequestOrmEntity, {
        where: { id: transferRequestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw new DomainError('notFound', `transfer request ${transferRequestId} does not exist`);
      const ticket = await manager.findOne(DispatchTicketOrmEntity, {
        where: { ticketId: request.ticketId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!ticket)
        throw new Error(
          `transfer request ${request.id} names ticket ${request.ticketId}, which the desk does not know`,
        );
      const active = await loadActiveDepartmentIds(manager);
      const decision = decideTransfer(request, input, {
        isKnownDepartment: (id) => active.has(id),
        currentCoHandlerDepartmentIds: ticket.coHandlerDepartmentIds,
      });
      const now = new Date();
      Object.assign(request, {
        status: decision.status,
        decidedAt: now,
        decidedBy: actor.id,
        leadDepartmentId: decision.leadDepartmentId,
        coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
        note: decision.note,
      });
      await manager.save(TransferRequestOrmEntity, request);
      if (decision.status === 'approved') {
        ticket.leadDepartmentId = decision.leadDepartmentId;
        ticket.coHandlerDepartmentIds = decision.coHandlerDepartmentIds;
      }
      ticket.updatedAt = now;
      const payload: DispatchTransferDecidedPayload = {
        ticketId: ticket.ticketId,
        approved: decision.status === 'approved',
        fromDepartmentId: request.fromDepartmentId,
        leadDepartmentId: decision.leadDepartmentId,
        coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
        note: decision.note,
      };
      await emitForTicket(manager, this.outbox, ticket, DispatchEvents.transferDecided, payload, actor);
      await manager.save(DispatchTicketOrmEntity, ticket);
      await recordActivity(manager, {
        departmentId: request.fromDepartmentId,
        kind: decision.status === 'approved' ? 'transfer_approved' : 'transfer_rejected',
        ticketId: request.ticketId,
        occurredAt: now,
        sourceId: request.id,
      });
      await appendHistory(manager, {
        ticketId: request.ticketId,
        kind: decision.status === 'approved' ? 'transfer-approved' : 'transfer-rejected',
        at: now,
        actor,
        departmentId: request.fromDepartmentId,
        details: {
          transferRequestId: request.id,
          leadDepartmentId: decision.leadDepartmentId,
          coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
          note: decision.note,
        },
      });
      return request;
    });
  }
}
