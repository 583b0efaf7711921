import { EventEnvelope, TicketAssignedPayload } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { recordActivity } from '../../stats/infrastructure/department-activity.orm-entity';
import { DispatchTicketOrmEntity } from '../infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../infrastructure/ticket-history';

/**
 * The ticket service is the truth for who leads now (a rule decision, a manual one, an approved
 * transfer); the desk follows it and counts the assignment for the department.
 */
export async function onTicketAssigned(
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
): Promise<void> {
  const p = event.payload as unknown as TicketAssignedPayload;
  if (!p.ticketId || !p.leadDepartmentId)
    throw new Error('ticket.assigned without ticketId or leadDepartmentId');
  const at = new Date(event.occurredAt);
  const ticket = await manager.findOne(DispatchTicketOrmEntity, {
    where: { ticketId: p.ticketId },
    lock: { mode: 'pessimistic_write' },
  });
  if (ticket) {
    ticket.leadDepartmentId = p.leadDepartmentId;
    ticket.coHandlerDepartmentIds = p.coHandlerDepartmentIds ?? [];
    ticket.firstHandlerDepartmentId ??= p.firstHandlerDepartmentId ?? p.leadDepartmentId;
    ticket.updatedAt = new Date();
    await manager.save(DispatchTicketOrmEntity, ticket);
  }
  await recordActivity(manager, {
    departmentId: p.leadDepartmentId,
    kind: 'assigned',
    ticketId: p.ticketId,
    occurredAt: at,
    sourceId: event.id,
  });
  await appendHistory(manager, {
    ticketId: p.ticketId,
    kind: 'assigned',
    at,
    actor: event.actor,
    departmentId: p.leadDepartmentId,
    details: {
      via: p.via,
      coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
      previousLeadDepartmentId: p.previousLeadDepartmentId ?? null,
    },
  });
}
