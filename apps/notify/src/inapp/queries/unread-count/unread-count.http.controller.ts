import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { NOTIFY_SCHEMA } from '../../../shared/queryable';
import { NotificationStore } from '../../infrastructure/notification.store';
import { ALL_ROLES, UnreadCountDto } from '../../notification.response.dto';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class UnreadCountHttpController {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  @Get('unread-count')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadCountDto })
  async count(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await NotificationStore.unreadCount(this.ds, user.id) };
  }
}
