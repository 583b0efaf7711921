import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ticketNotFound } from '@ticketing/auth';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { TicketDetailReader } from '../../infrastructure/ticket-detail.reader';
import { GetTicketQuery } from './get-ticket.query';
import { TicketDetailResponseDto } from './ticket-detail.response.dto';

/**
 * A ticket the caller may not see does not exist for them (404). Internal notes reach only those
 * who read them (the departments on it and the committee); the tickets tied to it only staff.
 */
@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery, TicketDetailResponseDto> {
  constructor(private readonly reader: TicketDetailReader) {}

  async execute(q: GetTicketQuery): Promise<TicketDetailResponseDto> {
    const found = await this.reader.find(q.ticketId);
    if (!found || !TicketAccessPolicy.canSee(q.user, found.scope)) throw ticketNotFound(q.ticketId);
    return this.reader.detail(found.row, found.parts, {
      readsNotes: TicketAccessPolicy.canReadNotes(q.user, found.scope),
      seesOtherTickets: TicketAccessPolicy.seesOtherTickets(q.user),
    });
  }
}
