import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { ChainReader, LedgerEntryView } from '../../infrastructure/chain.reader';
import { ListEntriesQuery } from './list-entries.query';

export type EntriesPage = Page<LedgerEntryView> & { headSeq: number };

/**
 * What the committee reads when it wants to see exactly what was recorded, by whom, when, and how
 * each entry links to the last; `headSeq` says how long the chain is.
 */
@QueryHandler(ListEntriesQuery)
export class ListEntriesHandler implements IQueryHandler<ListEntriesQuery, EntriesPage> {
  constructor(private readonly chain: ChainReader) {}

  execute(q: ListEntriesQuery): Promise<EntriesPage> {
    return this.chain.entries(q);
  }
}
