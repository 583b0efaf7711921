import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { encodeCursor, toPage } from '@ticketing/platform';
import { readCursor } from '../../../common/read-cursor';
import { TransferListReader } from '../../infrastructure/transfer-list.reader';
import { TransferRequestResponseDto } from '../../transfer.response.dto';
import { ListTransfersQuery } from './list-transfers.query';
import { TransferPageDto } from './list-transfers.response.dto';

@QueryHandler(ListTransfersQuery)
export class ListTransfersHandler implements IQueryHandler<ListTransfersQuery, TransferPageDto> {
  constructor(private readonly reader: TransferListReader) {}

  async execute(q: ListTransfersQuery): Promise<TransferPageDto> {
    // One row past the page tells whether there is a next one.
    const rows = await this.reader.list(q.status, q.limit + 1, readCursor(q.cursor));
    return toPage(
      rows,
      q.limit,
      (r) => ({ ...TransferRequestResponseDto.from(r.request), ticketTitle: r.ticketTitle }),
      (r) => encodeCursor(r.request.requestedAt.toISOString(), r.request.id),
    );
  }
}
