import { Provider, Type } from '@nestjs/common';
import { RecordEnterpriseCodeHandler } from './commands/record-enterprise-code/record-enterprise-code.handler';
import { SearchDirectoryConsumer } from './consumers/search-directory.consumer';
import { SearchDirectory, TicketSearchIndex } from './domain/ticket-search-index';
import { TypeormSearchDirectory } from './infrastructure/search-directory.typeorm-repository';
import { TicketSearchRows, TypeormTicketSearchIndex } from './infrastructure/ticket-search.indexer';
import { SearchStatisticsReader } from './infrastructure/search-statistics.reader';
import { TicketSearchReader } from './infrastructure/ticket-search.reader';
import { SearchTicketsHandler } from './queries/search-tickets/search-tickets.handler';
import { SearchTicketsHttpController } from './queries/search-tickets/search-tickets.http.controller';

/**
 * Search inside the ticket service (ADR 0015): the ticket module lists these with its own (they
 * share its database, unit of work and buses). The controller goes before `/tickets/:id`.
 */
export const TicketSearchParts: { controllers: Type[]; providers: Provider[] } = {
  controllers: [SearchTicketsHttpController],
  providers: [
    { provide: TicketSearchIndex, useClass: TypeormTicketSearchIndex },
    TicketSearchRows,
    { provide: SearchDirectory, useClass: TypeormSearchDirectory },
    TicketSearchReader,
    SearchStatisticsReader,
    SearchDirectoryConsumer,
    RecordEnterpriseCodeHandler,
    SearchTicketsHandler,
  ],
};
