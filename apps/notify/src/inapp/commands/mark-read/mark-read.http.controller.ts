import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { ALL_ROLES } from '../../notification.response.dto';
import { MarkReadCommand } from './mark-read.command';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class MarkReadHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/read')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark one of my notifications read (again is fine)' })
  @ApiNoContentResponse({ description: 'read' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: "no such notification of mine (another user's is not found either)" })
  markRead(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.commands.execute(MarkReadCommand.create({ userId: user.id, notificationId: id }));
  }
}
