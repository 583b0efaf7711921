import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { In } from 'typeorm';
import { DispatchTicketOrmEntity } from '../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { TransferRequestRecord } from '../domain/transfer-request.aggregate';
import { TransferStatus } from '../domain/transfer-request';
import { TransferRequestOrmEntity } from './transfer-request.orm-entity';

export interface TransferListRow {
  request: TransferRequestRecord;
  /** Kept by dispatch from ticket.submitted: the desk reads a request with its ticket's title. */
  ticketTitle: string | null;
}

/** Transfer requests oldest first (the committee's arbitration deadline runs from the request). */
@Injectable()
export class TransferListReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(
    status: TransferStatus | null,
    limit: number,
    after: { at: Date; id: string } | null,
  ): Promise<TransferListRow[]> {
    const m = this.tx.manager;
    const q = m
      .createQueryBuilder(TransferRequestOrmEntity, 'r')
      .orderBy('r.requested_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (status) q.andWhere('r.status = :status', { status });
    if (after) q.andWhere('(r.requested_at, r.id) > (:at, :id)', { at: after.at, id: after.id });
    const requests = await q.getMany();
    const tickets = requests.length
      ? await m.find(DispatchTicketOrmEntity, {
          select: { ticketId: true, title: true },
          where: { ticketId: In(requests.map((r) => r.ticketId)) },
        })
      : [];
    const titles = new Map(tickets.map((t) => [t.ticketId, t.title]));
    return requests.map((request) => ({ request, ticketTitle: titles.get(request.ticketId) ?? null }));
  }
}
