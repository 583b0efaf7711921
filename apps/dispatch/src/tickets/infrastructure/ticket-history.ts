import { Actor } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { TicketHistoryKind, TicketHistoryOrmEntity } from './ticket-history.orm-entity';

export async function appendHistory(
  manager: EntityManager,
  entry: {
    ticketId: string;
    kind: TicketHistoryKind;
    at: Date;
    actor: Actor;
    departmentId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const row: Omit<TicketHistoryOrmEntity, 'seq'> = {
    ticketId: entry.ticketId,
    kind: entry.kind,
    occurredAt: entry.at,
    actorId: entry.actor.id,
    actorRole: entry.actor.role,
    departmentId: entry.departmentId ?? null,
    details: entry.details ?? {},
  };
  await manager.save(TicketHistoryOrmEntity, manager.create(TicketHistoryOrmEntity, row));
}
