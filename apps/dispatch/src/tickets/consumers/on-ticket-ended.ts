import { EventEnvelope, TicketEvents, TicketEventBase } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { TransferRequestOrmEntity } from '../../transfers/infrastructure/transfer-request.orm-entity';
import { DispatchTicketOrmEntity } from '../infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../infrastructure/ticket-history';

/** A withdrawn or closed ticket leaves the triage queue and its open transfer request is moot. */
export async function onTicketEnded(
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
): Promise<void> {
  const p = event.payload as unknown as TicketEventBase;
  if (!p.ticketId) throw new Error(`${event.type} without ticketId`);
  const status = event.type === TicketEvents.withdrawn ? 'withdrawn' : 'closed';
  const now = new Date();
  const ticket = await manager.findOne(DispatchTicketOrmEntity, {
    where: { ticketId: p.ticketId },
    lock: { mode: 'pessimistic_write' },
  });
  if (ticket) {
    ticket.status = status;
    ticket.updatedAt = now;
    await manager.save(DispatchTicketOrmEntity, ticket);
  }
  const open = await manager.find(TransferRequestOrmEntity, {
    where: { ticketId: p.ticketId, status: 'pending' },
  });
  for (const request of open) {
    request.status = 'cancelled';
    request.decidedAt = now;
    request.decidedBy = 'system';
    request.note = `the ticket was ${status}`;
    await manager.save(TransferRequestOrmEntity, request);
    await appendHistory(manager, {
      ticketId: p.ticketId,
      kind: 'transfer-cancelled',
      at: now,
      actor: { id: 'system', role: 'system' },
      departmentId: request.fromDepartmentId,
      details: { transferRequestId: request.id, note: request.note },
    });
  }
  await appendHistory(manager, {
    ticketId: p.ticketId,
    kind: status,
    at: new Date(event.occurredAt),
    actor: event.actor,
  });
}
