import { TransferRequest, TransferRequestRecord } from '../domain/transfer-request.aggregate';
import { TransferRequestRepository } from '../domain/transfer-request.repository';

const copy = (r: TransferRequestRecord): TransferRequestRecord => ({
  ...r,
  coHandlerDepartmentIds: [...r.coHandlerDepartmentIds],
});

/** Transfer requests in memory, for handler specs: `rows` holds what was saved. */
export class InMemoryTransferRequestRepository extends TransferRequestRepository {
  readonly rows = new Map<string, TransferRequestRecord>();

  given(...records: TransferRequestRecord[]): this {
    for (const r of records) this.rows.set(r.id, copy(r));
    return this;
  }

  async lockById(id: string): Promise<TransferRequest | null> {
    const row = this.rows.get(id);
    return row ? TransferRequest.restore(copy(row)) : null;
  }

  async pendingOf(ticketId: string): Promise<TransferRequest[]> {
    return [...this.rows.values()]
      .filter((r) => r.ticketId === ticketId && r.status === 'pending')
      .map((r) => TransferRequest.restore(copy(r)));
  }

  async save(...requests: TransferRequest[]): Promise<void> {
    for (const request of requests) {
      const { row } = request.pullChanges();
      if (row === 'insert' && this.rows.has(request.id)) throw new Error(`request ${request.id} exists`);
      if (row) this.rows.set(request.id, copy(request.state));
    }
  }
}
