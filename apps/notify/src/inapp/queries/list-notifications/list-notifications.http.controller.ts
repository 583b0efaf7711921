import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { NOTIFY_SCHEMA } from '../../../shared/queryable';
import { NotificationStore, toNotificationView } from '../../infrastructure/notification.store';
import { ALL_ROLES, NotificationPageDto } from '../../notification.response.dto';
import { ListNotificationsQueryDto } from './list-notifications.query.dto';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class ListNotificationsHttpController {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ description: 'a query parameter at fault, named in errors[]' })
  async list(
    @Query() q: ListNotificationsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NotificationPageDto> {
    const limit = q.limit ?? 20;
    const rows = await NotificationStore.page(this.ds, user.id, {
      cursor: q.cursor,
      limit: limit + 1,
      unreadOnly: q.unread ?? false,
    });
    const items = rows.slice(0, limit);
    return {
      items: items.map(toNotificationView),
      nextCursor: rows.length > limit ? items[items.length - 1].id : null,
    };
  }
}
