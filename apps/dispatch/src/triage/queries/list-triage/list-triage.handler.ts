import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DISPATCH_SCHEMA } from '../../../dispatch.constants';
import { DispatchTicketOrmEntity } from '../../../tickets/infrastructure/dispatch-ticket.orm-entity';
import { ListTriageQuery } from './list-triage.query';

/** Oldest first: the queue is worked in the order enterprises waited. */
@QueryHandler(ListTriageQuery)
export class ListTriageHandler implements IQueryHandler<ListTriageQuery, DispatchTicketOrmEntity[]> {
  constructor(@InjectDataSource(DISPATCH_SCHEMA) private readonly dataSource: DataSource) {}

  execute({ limit, after }: ListTriageQuery): Promise<DispatchTicketOrmEntity[]> {
    const q = this.dataSource.manager
      .createQueryBuilder(DispatchTicketOrmEntity, 't')
      .where(`t.status = 'triage'`)
      .orderBy('t.submitted_at', 'ASC')
      .addOrderBy('t.ticket_id', 'ASC')
      .limit(limit);
    if (after) q.andWhere('(t.submitted_at, t.ticket_id) > (:at, :id)', { at: after.at, id: after.id });
    return q.getMany();
  }
}
