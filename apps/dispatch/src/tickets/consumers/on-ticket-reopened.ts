import { EventEnvelope, TicketReopenedPayload } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { recordActivity } from '../../stats/infrastructure/department-activity.orm-entity';
import { DispatchTicketOrmEntity } from '../infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../infrastructure/ticket-history';

/** 重办: the lead keeps the ticket (no new routing); the reopen counts against that department. */
export async function onTicketReopened(
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
): Promise<void> {
  const p = event.payload as unknown as TicketReopenedPayload;
  if (!p.ticketId) throw new Error('ticket.reopened without ticketId');
  const known = await manager.findOne(DispatchTicketOrmEntity, { where: { ticketId: p.ticketId } });
  const lead = p.leadDepartmentId ?? known?.leadDepartmentId ?? null;
  const at = new Date(event.occurredAt);
  if (lead) {
    await recordActivity(manager, {
      departmentId: lead,
      kind: 'reopened',
      ticketId: p.ticketId,
      occurredAt: at,
      sourceId: event.id,
    });
  }
  await appendHistory(manager, {
    ticketId: p.ticketId,
    kind: 'reopened',
    at,
    actor: event.actor,
    departmentId: lead,
    details: { reason: p.reason ?? null, reopenCount: p.reopenCount ?? null },
  });
}
