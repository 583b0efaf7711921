import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { TicketListReader } from '../../infrastructure/ticket-list.reader';
import { ListTicketsQuery } from './list-tickets.query';
import { TicketListResponseDto } from './ticket-list.response.dto';

/** Each caller sees only the tickets the one visibility rule shows them (the reader's SQL scope). */
@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery, TicketListResponseDto> {
  constructor(private readonly reader: TicketListReader) {}

  async execute(q: ListTicketsQuery): Promise<TicketListResponseDto> {
    const { submittedFrom, submittedTo } = q.filter;
    if (submittedFrom && submittedTo && submittedTo < submittedFrom)
      throw invalidField('submittedTo', `submittedTo must not be before submittedFrom (${submittedFrom})`);
    return this.reader.list(q.user, q.filter);
  }
}
