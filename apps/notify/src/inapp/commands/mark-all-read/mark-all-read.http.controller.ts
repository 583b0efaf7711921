import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ALL_ROLES, MarkAllReadResponseDto } from '../../notification.response.dto';
import { MarkAllReadCommand } from './mark-all-read.command';

@ApiTags('notify: in-app')
@Controller('api/v1/notify/notifications')
export class MarkAllReadHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('read-all')
  @HttpCode(200)
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  @ApiOkResponse({ type: MarkAllReadResponseDto, description: 'how many were marked read' })
  markAll(@CurrentUser() user: AuthUser): Promise<MarkAllReadResponseDto> {
    return this.commands.execute(MarkAllReadCommand.create({ userId: user.id }));
  }
}
