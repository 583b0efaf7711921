import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { TransferRequest } from '../domain/transfer-request.aggregate';
import { TransferRequestRepository } from '../domain/transfer-request.repository';
import { TransferRequestOrmEntity } from './transfer-request.orm-entity';

@Injectable()
export class TypeormTransferRequestRepository extends TransferRequestRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async lockById(id: string): Promise<TransferRequest | null> {
    const row = await this.tx.writer.findOne(TransferRequestOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && TransferRequest.restore(row);
  }

  async pendingOf(ticketId: string): Promise<TransferRequest[]> {
    const rows = await this.tx.manager.find(TransferRequestOrmEntity, {
      where: { ticketId, status: 'pending' },
    });
    return rows.map((r) => TransferRequest.restore(r));
  }

  async save(...requests: TransferRequest[]): Promise<void> {
    const m = this.tx.writer;
    for (const request of requests) {
      const { row } = request.pullChanges();
      if (row === 'insert') await m.insert(TransferRequestOrmEntity, { ...request.state });
      if (row === 'update') {
        const { id, ...changed } = request.state;
        await m.update(TransferRequestOrmEntity, { id }, changed);
      }
    }
  }
}
