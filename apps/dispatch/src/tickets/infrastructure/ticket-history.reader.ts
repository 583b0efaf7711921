import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { TransferRequestRecord } from '../../transfers/domain/transfer-request.aggregate';
import { TransferRequestOrmEntity } from '../../transfers/infrastructure/transfer-request.orm-entity';
import { RoutedTicketRecord } from '../domain/routed-ticket.aggregate';
import { HistoryEntry } from '../domain/ticket-log';
import { TicketHistoryOrmEntity } from './ticket-history.orm-entity';
import { DispatchTicketOrmEntity } from './dispatch-ticket.orm-entity';

export interface TicketHistoryView {
  ticket: RoutedTicketRecord | null;
  /** Oldest first. */
  entries: HistoryEntry[];
  transfers: TransferRequestRecord[];
}

/** Everything the desk holds about one ticket. */
@Injectable()
export class TicketHistoryReader {
  constructor(private readonly tx: TransactionContext) {}

  async read(ticketId: string): Promise<TicketHistoryView> {
    const m = this.tx.manager;
    const [ticket, entries, transfers] = await Promise.all([
      m.findOne(DispatchTicketOrmEntity, { where: { ticketId } }),
      m.find(TicketHistoryOrmEntity, { where: { ticketId }, order: { seq: 'ASC' } }),
      m.find(TransferRequestOrmEntity, { where: { ticketId }, order: { requestedAt: 'ASC', id: 'ASC' } }),
    ]);
    return {
      ticket,
      entries: entries.map((e) => ({
        kind: e.kind,
        at: e.occurredAt,
        actor: { id: e.actorId, role: e.actorRole },
        departmentId: e.departmentId,
        details: e.details,
      })),
      transfers,
    };
  }
}
