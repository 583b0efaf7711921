import { TransferRequest } from './transfer-request.aggregate';

/** Where transfer requests live; `save` writes in the unit of work's transaction. */
export abstract class TransferRequestRepository {
  /** The request, held for the rest of the unit of work. */
  abstract lockById(id: string): Promise<TransferRequest | null>;
  /** The ticket's requests still waiting for the committee. */
  abstract pendingOf(ticketId: string): Promise<TransferRequest[]>;
  abstract save(...requests: TransferRequest[]): Promise<void>;
}
