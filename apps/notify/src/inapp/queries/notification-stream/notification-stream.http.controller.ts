import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, EventStream, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { Observable } from 'rxjs';
import { ALL_ROLES } from '../../notification.response.dto';
import { StreamFrame } from '../../stream/notification.hub';
import { NotificationStreamQuery } from './notification-stream.query';

/** One Server-Sent Events frame. */
function sse(f: StreamFrame): string {
  switch (f.kind) {
    case 'unread':
      return `event: unread\ndata: ${JSON.stringify({ unread: f.unread })}\n\n`;
    case 'notification':
      return `id: ${f.notification.id}\nevent: notification\ndata: ${JSON.stringify(f.notification)}\n\n`;
    case 'ping':
      return ': ping\n\n';
  }
}

@ApiTags('notify: in-app')
@Controller('api/v1/notify')
export class NotificationStreamHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('stream')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'My notifications, live (Server-Sent Events)',
    description:
      'EventSource cannot send headers: open it with ?ticket= from POST /api/v1/identity/stream-tickets (tokens never travel in URLs); the stream ends when the session does. Events: `unread` {unread} on connect and after each change, `notification` {id, eventType, ticketId, title, body, link, createdAt} for each new one.',
  })
  @EventStream()
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'an event stream that stays open',
    schema: {
      type: 'string',
      description:
        'Server-Sent Events: `event: unread` and `event: notification` frames (JSON data, as the operation says), `: ping` comments',
    },
  })
  async stream(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const frames: Observable<StreamFrame> = await this.queries.execute(
      NotificationStreamQuery.create({ userId: user.id }),
    );
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no');
    res.flushHeaders();
    res.write('retry: 3000\n\n');
    const subscription = frames.subscribe({
      next: (f) => res.write(sse(f)),
      complete: () => res.end(),
    });
    res.on('close', () => subscription.unsubscribe());
    // A client that left while the stream was being set up: no 'close' is coming.
    if (res.destroyed) subscription.unsubscribe();
  }
}
