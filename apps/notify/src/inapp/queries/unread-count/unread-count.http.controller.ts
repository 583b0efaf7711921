import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ALL_ROLES, UnreadCountDto } from '../../notification.response.dto';
import { UnreadCountQuery } from './unread-count.query';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class UnreadCountHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('unread-count')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'How many of my notifications are unread (the badge)' })
  @ApiOkResponse({ type: UnreadCountDto, description: 'the number of unread notifications' })
  count(@CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return this.queries.execute(UnreadCountQuery.create({ userId: user.id }));
  }
}
