import { Controller, MessageEvent, Query, Sse } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { interval, map, merge, Observable } from 'rxjs';
import { StreamTicketField } from '../../../shared/query-fields';
import { AppendedNotice } from '../../domain/appended-notice';
import { WatchLedgerQuery } from './watch-ledger.query';

export class StreamRequestDto {
  @StreamTicketField()
  ticket?: string;
}

const HEARTBEAT_MS = 20_000;

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/stream')
export class StreamHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Sse()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary:
      'Server-Sent Events: one `entry` event per appended ledger entry (a department hears its own); EventSource opens it with ?ticket= from POST /api/v1/identity/stream-tickets',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'event: entry, data: { seq, type, topic, ticketId, departmentId, occurredAt }; event: ping every 20 s',
    schema: { type: 'string', description: 'Server-Sent Events (text/event-stream)' },
  })
  async events(
    @CurrentUser() user: AuthUser,
    @Query() _q: StreamRequestDto,
  ): Promise<Observable<MessageEvent>> {
    const notices = await this.queries.execute<WatchLedgerQuery, Observable<AppendedNotice>>(
      WatchLedgerQuery.create({ user }),
    );
    const entries = notices.pipe(map((n): MessageEvent => ({ type: 'entry', id: String(n.seq), data: n })));
    return merge(entries, interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))));
  }
}
