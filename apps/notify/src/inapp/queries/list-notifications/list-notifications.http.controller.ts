import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ALL_ROLES, NotificationPageDto } from '../../notification.response.dto';
import { ListNotificationsQuery } from './list-notifications.query';
import { ListNotificationsQueryDto, NOTIFICATION_PAGE_SIZE } from './list-notifications.query.dto';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class ListNotificationsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'My notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto, description: 'a page of your notifications, newest first' })
  @ApiBadRequestResponse({ description: 'a query parameter at fault, named in errors[]' })
  list(@Query() q: ListNotificationsQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationPageDto> {
    return this.queries.execute(
      ListNotificationsQuery.create({
        userId: user.id,
        unreadOnly: q.unread ?? false,
        cursor: q.cursor,
        limit: q.limit ?? NOTIFICATION_PAGE_SIZE,
      }),
    );
  }
}
