import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DispatchTicketOrmEntity } from '../../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { TransferRequestOrmEntity } from '../../infrastructure/transfer-request.orm-entity';
import { ListTransfersQuery } from './list-transfers.query';

/** Oldest request first: the committee's arbitration deadline runs from the request. */
export interface TransferListRow {
  request: TransferRequestOrmEntity;
  /** Kept by dispatch from ticket.submitted: the desk reads a request with its ticket's title. */
  ticketTitle: string | null;
}

@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery, TransferListRow[]> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  async execute({ status, limit, after }: ListTransfersQuery): Promise<TransferListRow[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(TransferRequestOrmEntity, 'r')
      .orderBy('r.requested_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (status) q.andWhere('r.status = :status', { status });
    if (after) q.andWhere('(r.requested_at, r.id) > (:at, :id)', { at: after.at, id: after.id });
    const requests = await q.getMany();
    const tickets = requests.length
      ? await this.dataSource.manager.find(DispatchTicketOrmEntity, {
          select: { ticketId: true, title: true },
          where: { ticketId: In(requests.map((r) => r.ticketId)) },
        })
      : [];
    const titles = new Map(tickets.map((t) => [t.ticketId, t.title]));
    return requests.map((request) => ({ request, ticketTitle: titles.get(request.ticketId) ?? null }));
  }
}
