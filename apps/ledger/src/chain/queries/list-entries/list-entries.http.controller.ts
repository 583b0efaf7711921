import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE } from '@ticketing/platform';
import { EntriesPage } from './list-entries.handler';
import { ListEntriesQuery } from './list-entries.query';
import { ListEntriesRequestDto } from './list-entries.request.dto';
import { LedgerEntriesPageDto } from './list-entries.response.dto';

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/entries')
export class ListEntriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'The hash-chained entries, newest first; filter by ticket (id or number) or event type; page with `before`',
  })
  @ApiOkResponse({ type: LedgerEntriesPageDto, description: 'a page of entries, newest first' })
  @ApiBadRequestResponse({ description: 'a malformed number, type, before or limit (the field is named)' })
  list(@Query() q: ListEntriesRequestDto): Promise<EntriesPage> {
    return this.queries.execute<ListEntriesQuery, EntriesPage>(
      ListEntriesQuery.create({
        ticketId: q.ticketId,
        number: q.number,
        type: q.type,
        before: q.before,
        limit: q.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }
}
