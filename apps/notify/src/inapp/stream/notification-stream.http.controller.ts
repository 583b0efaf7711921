import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import type { Response } from 'express';
import { ALL_ROLES } from '../notification.response.dto';
import { NotificationHub } from './notification.hub';

@ApiTags('notify: in-app')
@Controller('api/v1/notify')
export class NotificationStreamHttpController {
  constructor(private readonly hub: NotificationHub) {}

  @Get('stream')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'My notifications, live (Server-Sent Events)',
    description:
      'EventSource cannot send headers: pass the access token as ?access_token=. Events: `unread` {unread} on connect and after each change, `notification` {id, eventType, ticketId, title, body, link, createdAt} for each new one.',
  })
  @ApiQuery({ name: 'access_token', required: false, description: 'the access token, for EventSource' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'an event stream that stays open' })
  async stream(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.hub.open(user.id, res);
  }
}
