import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { DepartmentActivityOrmEntity } from '../../stats/infrastructure/department-activity.orm-entity';
import { RoutedTicket } from '../domain/routed-ticket.aggregate';
import { RoutedTicketRepository } from '../domain/routed-ticket.repository';
import { DispatchTicketOrmEntity } from './dispatch-ticket.orm-entity';
import { TicketHistoryOrmEntity } from './ticket-history.orm-entity';

@Injectable()
export class TypeormRoutedTicketRepository extends RoutedTicketRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async lockById(ticketId: string): Promise<RoutedTicket> {
    const row = await this.tx.writer.findOne(DispatchTicketOrmEntity, {
      where: { ticketId },
      lock: { mode: 'pessimistic_write' },
    });
    return row ? RoutedTicket.restore(row) : RoutedTicket.unknown(ticketId);
  }

  async save(...tickets: RoutedTicket[]): Promise<void> {
    const m = this.tx.writer;
    for (const ticket of tickets) {
      const { row, history, counted, events } = ticket.pullChanges();
      if (row === 'insert') await m.insert(DispatchTicketOrmEntity, { ...ticket.state });
      if (row === 'update') {
        const { ticketId, ...changed } = ticket.state;
        await m.update(DispatchTicketOrmEntity, { ticketId }, changed);
      }
      if (history.length) {
        // save, not insert: one multi-row INSERT either way, and its typing takes free-form jsonb details.
        await m.save(
          TicketHistoryOrmEntity,
          history.map((h) => ({
            ticketId: ticket.ticketId,
            kind: h.kind,
            occurredAt: h.at,
            actorId: h.actor.id,
            actorRole: h.actor.role,
            departmentId: h.departmentId,
            details: h.details,
          })),
        );
      }
      if (counted.length) {
        // A replay of the fact's source (event or transfer request) counts nothing.
        await m
          .createQueryBuilder()
          .insert()
          .into(DepartmentActivityOrmEntity)
          .values(counted.map((c) => ({ ...c, ticketId: ticket.ticketId })))
          .orIgnore()
          .execute();
      }
      await this.outbox.append(
        m,
        Topics.Dispatch,
        events.map((e) =>
          newEvent({
            type: e.type,
            aggregateId: ticket.ticketId,
            aggregateVersion: e.aggregateVersion,
            actor: e.actor,
            payload: e.payload,
          }),
        ),
      );
    }
  }
}
