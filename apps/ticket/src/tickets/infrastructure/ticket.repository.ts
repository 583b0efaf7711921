import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Ticket } from '../domain/ticket.aggregate';
import { TicketMapper } from './ticket.mapper';
import { TicketOrmEntity, TicketPartOrmEntity, TicketStepOrmEntity } from './ticket.orm-entity';

/**
 * Loads and stores the Ticket aggregate. `save` writes the state, one timeline step per change
 * and one outbox event per change with the caller's EntityManager, so all of it commits together.
 */
@Injectable()
export class TicketRepository {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Locks the row for the rest of the transaction: two actors on one ticket are serialised. */
  async findForUpdate(manager: EntityManager, id: string): Promise<Ticket | null> {
    const row = await manager.findOne(TicketOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return null;
    const parts = await manager.find(TicketPartOrmEntity, { where: { ticketId: id } });
    return TicketMapper.toDomain(row, parts);
  }

  async save(manager: EntityManager, ticket: Ticket): Promise<void> {
    const changes = ticket.pullChanges();
    if (!changes.length) return;
    const { row, parts } = TicketMapper.toPersistence(ticket);
    const before = changes[0].version - 1;
    if (before === 0) {
      await manager.insert(TicketOrmEntity, row);
    } else {
      const result = await manager.update(TicketOrmEntity, { id: row.id, version: before }, row);
      // The row is locked by findForUpdate; a miss here means a caller skipped the lock.
      if (result.affected !== 1) throw new Error(`ticket ${row.id} was not at version ${before} when saving`);
    }
    await manager.delete(TicketPartOrmEntity, { ticketId: row.id });
    if (parts.length) await manager.insert(TicketPartOrmEntity, parts);

    const events = changes.map((c) =>
      newEvent({
        type: c.eventType,
        aggregateId: row.id,
        aggregateVersion: c.version,
        actor: c.actor,
        payload: c.payload,
        occurredAt: c.at,
      }),
    );
    await manager.insert(
      TicketStepOrmEntity,
      changes.map((c, i) => ({
        ticketId: row.id,
        version: c.version,
        action: c.action,
        eventType: c.eventType,
        eventId: events[i].id,
        actorId: c.actor.id,
        actorRole: c.actor.role,
        reason: c.reason,
        statusFrom: c.statusFrom,
        statusTo: c.payload.status,
        occurredAt: c.at,
        details: stepDetails(c.payload),
      })) as QueryDeepPartialEntity<TicketStepOrmEntity>[],
    );
    await this.outbox.append(manager, Topics.Ticket, events);
  }
}

const BASE_KEYS = new Set([
  'ticketId',
  'number',
  'status',
  'enterpriseId',
  'category',
  'urgency',
  'gridId',
  'coHandlerDepartmentIds',
]);

/** The event's own fields (not the repeated base) are what a timeline reader wants to see. */
function stepDetails(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).filter(([k]) => !BASE_KEYS.has(k)));
}
