import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { RoutedTicketRecord } from '../../tickets/domain/routed-ticket.aggregate';
import { DispatchTicketOrmEntity } from '../../tickets/infrastructure/dispatch-ticket.orm-entity';

/** Oldest first: the queue is worked in the order enterprises waited. */
@Injectable()
export class TriageQueueReader {
  constructor(private readonly tx: TransactionContext) {}

  list(limit: number, after: { at: Date; id: string } | null): Promise<RoutedTicketRecord[]> {
    const q = this.tx.manager
      .createQueryBuilder(DispatchTicketOrmEntity, 't')
      .where(`t.status = 'triage'`)
      .orderBy('t.submitted_at', 'ASC')
      .addOrderBy('t.ticket_id', 'ASC')
      .limit(limit);
    if (after) q.andWhere('(t.submitted_at, t.ticket_id) > (:at, :id)', { at: after.at, id: after.id });
    return q.getMany();
  }
}
