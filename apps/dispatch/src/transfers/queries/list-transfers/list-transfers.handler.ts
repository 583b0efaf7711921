import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { TransferRequestOrmEntity } from '../../infrastructure/transfer-request.orm-entity';
import { ListTransfersQuery } from './list-transfers.query';

/** Oldest request first: the committee's arbitration deadline runs from the request. */
@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery, TransferRequestOrmEntity[]> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ status, limit, after }: ListTransfersQuery): Promise<TransferRequestOrmEntity[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(TransferRequestOrmEntity, 'r')
      .orderBy('r.requested_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit);
    if (status) q.andWhere('r.status = :status', { status });
    if (after) q.andWhere('(r.requested_at, r.id) > (:at, :id)', { at: after.at, id: after.id });
    return q.getMany();
  }
}
