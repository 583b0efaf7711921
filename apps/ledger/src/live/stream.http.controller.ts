import { Controller, MessageEvent, Query, Sse } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { filter, interval, map, merge, Observable } from 'rxjs';
import { AccessTokenField } from '../shared/query-fields';
import { LedgerStream } from './ledger-stream';

export class StreamRequestDto {
  @AccessTokenField()
  access_token?: string;
}

const HEARTBEAT_MS = 20_000;

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/stream')
export class StreamHttpController {
  constructor(private readonly stream: LedgerStream) {}

  @Sse()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Server-Sent Events: one `entry` event per appended ledger entry (a department hears its own); the token may come as ?access_token=',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'event: entry, data: { seq, type, topic, ticketId, departmentId, occurredAt }; event: ping every 20 s' })
  async events(@CurrentUser() user: AuthUser, @Query() _q: StreamRequestDto): Promise<Observable<MessageEvent>> {
    const own = user.role === 'department' ? user.departmentId : undefined;
    const entries = (await this.stream.appended()).pipe(
      filter((n) => own === undefined || n.departmentId === own),
      map((n): MessageEvent => ({ type: 'entry', id: String(n.seq), data: n })),
    );
    return merge(entries, interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ type: 'ping', data: {} }))));
  }
}
