import { Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DataSource } from 'typeorm';
import { IdParam, notFound } from '../../../shared/problems';
import { mutate, NOTIFY_SCHEMA } from '../../../shared/queryable';
import { ALL_ROLES } from '../../notification.response.dto';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class MarkReadHttpController {
  constructor(@InjectDataSource(NOTIFY_SCHEMA) private readonly ds: DataSource) {}

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark one of my notifications read (again is fine)' })
  @ApiNoContentResponse({ description: 'read' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: "no such notification of mine (another user's is not found either)" })
  async markRead(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    const rows = await mutate(
      this.ds,
      'UPDATE notify.notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, user.id],
    );
    if (!rows.length) throw notFound('notification', id);
  }
}
