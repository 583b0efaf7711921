import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { EntityStatements, Statement, TransactionContext, writeBehind } from '@ticketing/database';
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
    const [ticket] = await this.lockByIds([ticketId]);
    return ticket;
  }

  async lockByIds(ticketIds: readonly string[]): Promise<RoutedTicket[]> {
    const tickets = EntityStatements.of(this.tx.writer, DispatchTicketOrmEntity);
    // In the order of the ids, the order every locker of several tickets takes, so two never wait on each other.
    const raws: Record<string, unknown>[] = await this.tx.writer.query(
      `SELECT ${tickets.selectList('t')} FROM ${tickets.table} t
        WHERE t.ticket_id = ANY($1) ORDER BY t.ticket_id FOR UPDATE`,
      [ticketIds],
    );
    const found = new Map(
      raws.map((raw) => {
        const record = tickets.fromRow(raw);
        return [record.ticketId, record] as const;
      }),
    );
    return ticketIds.map((id) => {
      const record = found.get(id);
      return record ? RoutedTicket.restore(record) : RoutedTicket.unknown(id);
    });
  }

  async save(...tickets: RoutedTicket[]): Promise<void> {
    const m = this.tx.writer;
    const rows = EntityStatements.of(m, DispatchTicketOrmEntity);
    for (const ticket of tickets) {
      const { row, history, counted, events } = ticket.pullChanges();
      // The row, its history, what it counts for the departments and its events: one statement.
      const writes: Statement[] = [];
      if (row === 'insert') writes.push(rows.insert([{ ...ticket.state }]));
      if (row === 'update') {
        const { ticketId, ...changed } = ticket.state;
        writes.push(rows.update({ ticketId }, changed));
      }
      if (history.length) {
        writes.push(
          EntityStatements.of(m, TicketHistoryOrmEntity).insert(
            history.map((h) => ({
              ticketId: ticket.ticketId,
              kind: h.kind,
              occurredAt: h.at,
              actorId: h.actor.id,
              actorRole: h.actor.role,
              departmentId: h.departmentId,
              details: h.details,
            })),
          ),
        );
      }
      if (counted.length) {
        // A replay of the fact's source (event or transfer request) counts nothing.
        writes.push(
          EntityStatements.of(m, DepartmentActivityOrmEntity).insert(
            counted.map((c) => ({ ...c, ticketId: ticket.ticketId })),
            'ON CONFLICT DO NOTHING',
          ),
        );
      }
      const outbox = this.outbox.rows(
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
      if (outbox) writes.push(outbox);
      // Sent behind: it leaves with the next statement or the COMMIT (ADR 0023).
      if (writes.length) await writeBehind(m, writes, outbox ? [this.outbox.channel] : []);
    }
  }
}
