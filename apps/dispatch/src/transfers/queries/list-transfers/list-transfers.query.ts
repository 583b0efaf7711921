import { TransferStatus } from '../../domain/transfer-request';

export class ListTransfersQuery {
  constructor(
    readonly status: TransferStatus | undefined,
    readonly limit: number,
    readonly after: { at: Date; id: string } | null,
  ) {}
}
