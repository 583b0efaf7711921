import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { mutate, NOTIFY_SCHEMA } from '../../../shared/queryable';
import { ALL_ROLES, MarkAllReadResponseDto } from '../../notification.response.dto';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class MarkAllReadHttpController {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  @Post('read-all')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadResponseDto })
  async markAll(@CurrentUser() user: AuthUser): Promise<MarkAllReadResponseDto> {
    const rows = await mutate(
      this.ds,
      'UPDATE notify.notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id',
      [user.id],
    );
    return { marked: rows.length };
  }
}
