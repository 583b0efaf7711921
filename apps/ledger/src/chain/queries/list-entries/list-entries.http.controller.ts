import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { ListEntriesHandler } from './list-entries.handler';
import { ListEntriesRequestDto } from './list-entries.request.dto';

@ApiTags('ledger: chain')
@Controller('api/v1/ledger/entries')
export class ListEntriesHttpController {
  constructor(private readonly handler: ListEntriesHandler) {}

  @Get()
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'The hash-chained entries, newest first; filter by ticket (id or number) or event type; page with `before`' })
  @ApiOkResponse({ description: '{ items: [{ seq, eventId, type, ticketId, ticketNumber, actorId, actorRole, occurredAt, recordedAt, payload, prevHash, hash }], nextCursor, headSeq }' })
  @ApiBadRequestResponse({ description: 'a malformed number, type, before or limit (the field is named)' })
  list(@Query() q: ListEntriesRequestDto) {
    return this.handler.list(q);
  }
}
