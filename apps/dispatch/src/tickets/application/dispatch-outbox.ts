import { Actor, DispatchDecidedPayload, DispatchEvents, Topics } from '@ticketing/contracts';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { DispatchTicketOrmEntity } from '../infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../infrastructure/ticket-history';

/**
 * Appends one of the desk's events about a ticket, numbering it per ticket. The caller saves the
 * ticket row in the same transaction, so the number and the event commit together.
 */
export async function emitForTicket<P>(
  manager: EntityManager,
  outbox: OutboxWriter,
  ticket: DispatchTicketOrmEntity,
  type: string,
  payload: P,
  actor: Actor,
): Promise<void> {
  ticket.eventsEmitted += 1;
  await outbox.append(manager, Topics.Dispatch, [
    newEvent({ type, aggregateId: ticket.ticketId, aggregateVersion: ticket.eventsEmitted, actor, payload }),
  ]);
}

/** Records where a ticket goes (by rule or by the triage desk) and announces it. */
export async function decideTicket(
  manager: EntityManager,
  outbox: OutboxWriter,
  ticket: DispatchTicketOrmEntity,
  decision: Omit<DispatchDecidedPayload, 'ticketId'>,
  actor: Actor,
  at: Date,
): Promise<void> {
  ticket.status = 'decided';
  ticket.leadDepartmentId = decision.leadDepartmentId;
  ticket.coHandlerDepartmentIds = decision.coHandlerDepartmentIds;
  ticket.firstHandlerDepartmentId ??= decision.leadDepartmentId;
  ticket.decidedVia = decision.via;
  ticket.ruleId = decision.ruleId;
  ticket.ruleVersion = decision.ruleVersion;
  ticket.explanation = decision.explanation;
  ticket.decidedAt = at;
  ticket.decidedBy = actor.id;
  ticket.updatedAt = at;
  const payload: DispatchDecidedPayload = { ticketId: ticket.ticketId, ...decision };
  await emitForTicket(manager, outbox, ticket, DispatchEvents.decided, payload, actor);
  await manager.save(DispatchTicketOrmEntity, ticket);
  await appendHistory(manager, {
    ticketId: ticket.ticketId,
    kind: decision.via === 'rule' ? 'routed-by-rule' : 'assigned-manually',
    at,
    actor,
    departmentId: decision.leadDepartmentId,
    details: {
      leadDepartmentId: decision.leadDepartmentId,
      coHandlerDepartmentIds: decision.coHandlerDepartmentIds,
      ruleId: decision.ruleId,
      ruleVersion: decision.ruleVersion,
      explanation: decision.explanation,
    },
  });
}
