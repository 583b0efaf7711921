import { EventEnvelope, newId, TicketReasonPayload } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { recordActivity } from '../../stats/infrastructure/department-activity.orm-entity';
import { DispatchTicketOrmEntity } from '../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../../tickets/infrastructure/ticket-history';
import { TransferRequestOrmEntity } from '../infrastructure/transfer-request.orm-entity';

/**
 * 退单/转办: a department asks the committee to hand its ticket on. The request waits for the
 * committee; the department keeps the ticket (and its clock) meanwhile.
 */
export async function onTransferRequested(
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
): Promise<void> {
  const p = event.payload as unknown as TicketReasonPayload;
  const from = p.departmentId ?? p.leadDepartmentId;
  if (!p.ticketId || !from)
    throw new Error('ticket.transfer-requested without ticketId or requesting department');
  const at = new Date(event.occurredAt);
  await ensureTicketKnown(manager, p, from, at);
  // The ticket allows one open request; an older one still pending here was overtaken by this one.
  const older = await manager.find(TransferRequestOrmEntity, {
    where: { ticketId: p.ticketId, status: 'pending' },
  });
  for (const o of older) {
    o.status = 'cancelled';
    o.decidedAt = at;
    o.decidedBy = 'system';
    o.note = 'superseded by a newer transfer request';
    await manager.save(TransferRequestOrmEntity, o);
  }
  const request = manager.create(TransferRequestOrmEntity, {
    id: newId(),
    ticketId: p.ticketId,
    ticketNumber: p.number ?? '',
    fromDepartmentId: from,
    reason: p.reason ?? '',
    requestedAt: at,
    requestedBy: event.actor.id,
    sourceEventId: event.id,
    status: 'pending',
    decidedAt: null,
    decidedBy: null,
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    note: null,
  });
  await manager.insert(TransferRequestOrmEntity, request);
  await recordActivity(manager, {
    departmentId: from,
    kind: 'transfer_requested',
    ticketId: p.ticketId,
    occurredAt: at,
    sourceId: event.id,
  });
  await appendHistory(manager, {
    ticketId: p.ticketId,
    kind: 'transfer-requested',
    at,
    actor: event.actor,
    departmentId: from,
    details: { transferRequestId: request.id, reason: request.reason },
  });
}

/**
 * A ticket submitted before this desk kept records is learnt from the request itself (every ticket
 * event carries its routing state), so the committee can still decide and the decision is numbered.
 */
async function ensureTicketKnown(
  manager: EntityManager,
  p: TicketReasonPayload,
  lead: string,
  at: Date,
): Promise<void> {
  const existing = await manager.findOne(DispatchTicketOrmEntity, { where: { ticketId: p.ticketId } });
  if (existing) return;
  await manager.insert(DispatchTicketOrmEntity, {
    ticketId: p.ticketId,
    number: p.number ?? p.ticketId,
    enterpriseId: p.enterpriseId ?? '',
    enterpriseName: null,
    title: null,
    description: null,
    category: p.category ?? 'other',
    urgency: p.urgency ?? null,
    gridId: p.gridId ?? null,
    submittedAt: null,
    status: 'decided',
    leadDepartmentId: p.leadDepartmentId ?? lead,
    coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
    firstHandlerDepartmentId: lead,
    decidedVia: null,
    ruleId: null,
    ruleVersion: null,
    explanation: null,
    decidedAt: null,
    decidedBy: null,
    eventsEmitted: 0,
    updatedAt: at,
  });
}
