import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { rankSimilar, RecentTickets, SimilarTicketRules, windowStart } from '../../domain/similar-tickets';
import { invalid } from '../../domain/ticket.errors';
import { FindSimilarTicketsQuery } from './find-similar.query';
import { SimilarTicketDto, SimilarTicketsResponseDto } from './similar-tickets.response.dto';

/**
 * While a ticket is typed: the enterprise's own open tickets of the last 30 days that read like it.
 * Only tickets the caller may see are shown (an instructor naming an enterprise outside their grids
 * gets none), so nothing leaks.
 */
@QueryHandler(FindSimilarTicketsQuery)
export class FindSimilarTicketsHandler implements IQueryHandler<
  FindSimilarTicketsQuery,
  SimilarTicketsResponseDto
> {
  constructor(private readonly recent: RecentTickets) {}

  async execute(q: FindSimilarTicketsQuery): Promise<SimilarTicketsResponseDto> {
    if (!q.title.trim() && !q.description.trim())
      throw invalid('title', 'give the title or the description typed so far');
    const enterpriseId = TicketAccessPolicy.enterpriseToSubmitFor(q.user, q.enterpriseId);
    const candidates = (
      await this.recent.openOf(enterpriseId, windowStart(new Date()), SimilarTicketRules.candidates)
    ).filter((t) => TicketAccessPolicy.canSee(q.user, t.scope));
    return { items: rankSimilar(q, candidates).map(SimilarTicketDto.of) };
  }
}
