import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { encodeCursor, toPage } from '@ticketing/platform';
import { readCursor } from '../../../common/read-cursor';
import { TriageQueueReader } from '../../infrastructure/triage-queue.reader';
import { ListTriageQuery } from './list-triage.query';
import { TriageItemDto, TriagePageDto } from './list-triage.response.dto';

@QueryHandler(ListTriageQuery)
export class ListTriageHandler implements IQueryHandler<ListTriageQuery, TriagePageDto> {
  constructor(private readonly reader: TriageQueueReader) {}

  async execute(q: ListTriageQuery): Promise<TriagePageDto> {
    // One row past the page tells whether there is a next one.
    const rows = await this.reader.list(q.limit + 1, readCursor(q.cursor));
    return toPage(rows, q.limit, TriageItemDto.from, (t) =>
      encodeCursor((t.submittedAt ?? t.updatedAt).toISOString(), t.ticketId),
    );
  }
}
