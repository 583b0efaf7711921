import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TicketVisibility } from '@ticketing/auth';
import { decodeCursor, encodeCursor, invalidField } from '@ticketing/platform';
import { createHash } from 'node:crypto';
import { ticketHighlights } from '../../domain/search-highlights';
import { SEARCH_CANDIDATES } from '../../domain/search-request';
import { parseQuery } from '../../domain/search-text';
import { TicketSearchReader } from '../../infrastructure/ticket-search.reader';
import { SearchTicketsQuery } from './search-tickets.query';
import { SearchHitDto, SearchTicketsResponseDto } from './search-tickets.response.dto';

/** Which search a cursor belongs to: the words and filters (not the caller: the token decides that). */
const fingerprint = (q: SearchTicketsQuery): string =>
  createHash('sha256')
    .update(JSON.stringify([q.q, q.filters, q.limit]))
    .digest('base64url')
    .slice(0, 12);

/**
 * One search (ADR 0015): the words become a bigram tsquery, the reader finds and ranks what the
 * caller may see, and each hit says which fragments matched. Every hit is checked once more
 * against the one visibility rule (TicketVisibility) before it leaves: a ticket the caller may
 * not see is never shown, whatever the SQL said.
 */
@QueryHandler(SearchTicketsQuery)
export class SearchTicketsHandler implements IQueryHandler<SearchTicketsQuery, SearchTicketsResponseDto> {
  constructor(private readonly reader: TicketSearchReader) {}

  async execute(q: SearchTicketsQuery): Promise<SearchTicketsResponseDto> {
    const parsed = parseQuery(q.q);
    if (!parsed) throw invalidField('q', 'q must hold letters, digits or Chinese characters to look for');
    const { from, to } = q.filters;
    if (from && to && from >= to) throw invalidField('to', 'to must be after from');
    const print = fingerprint(q);
    let offset = 0;
    if (q.cursor) {
      const parts = decodeCursor(q.cursor, 2);
      offset = parts ? Number(parts[0]) : NaN;
      if (!parts || !Number.isInteger(offset) || offset <= 0 || offset >= SEARCH_CANDIDATES)
        throw invalidField('cursor', 'cursor must be the nextCursor of a previous page');
      if (parts[1] !== print)
        throw invalidField('cursor', 'cursor belongs to another search; keep q and the filters while paging');
    }
    const limit = Math.min(q.limit, SEARCH_CANDIDATES - offset);
    const { hits, matched, candidates } = await this.reader.search(
      q.user,
      { parsed, exact: q.q.trim().toUpperCase() },
      q.filters,
      offset,
      limit,
    );
    const rows = new Map((await this.reader.tickets(hits.map((h) => h.id))).map((r) => [r.id, r]));
    const items: SearchHitDto[] = [];
    for (const hit of hits) {
      const r = rows.get(hit.id);
      if (!r) continue;
      const scope = {
        enterpriseId: r.enterprise_id,
        gridId: r.grid_id,
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co,
      };
      // The ticket moved out of the caller's sight since it was indexed: not theirs to see.
      if (!TicketVisibility.canSee(q.user, scope)) continue;
      items.push({
        id: r.id,
        number: r.number,
        title: r.title,
        status: r.status,
        category: r.category,
        urgency: r.urgency,
        channel: r.channel,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        gridId: r.grid_id,
        leadDepartmentId: r.lead_department_id,
        coHandlerDepartmentIds: r.co,
        submittedAt: new Date(r.submitted_at).toISOString(),
        updatedAt: new Date(r.updated_at).toISOString(),
        score: Math.round(hit.rank * 10000) / 10000,
        highlights: ticketHighlights(
          {
            number: r.number,
            title: r.title,
            enterpriseName: r.enterprise_name,
            directoryName: r.directory_name,
            creditCode: r.credit_code,
            description: r.description,
            location: r.location,
            conversation: (r.conversation ?? []).filter((x): x is string => !!x),
          },
          parsed.terms,
        ),
      });
    }
    const next = offset + hits.length;
    return {
      items,
      total: matched,
      totalIsLowerBound: candidates > SEARCH_CANDIDATES,
      nextCursor: hits.length === limit && next < matched ? encodeCursor(String(next), print) : null,
    };
  }
}
