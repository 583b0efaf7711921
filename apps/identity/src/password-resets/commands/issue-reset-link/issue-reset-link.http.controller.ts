import { Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { IssueResetLinkCommand } from './issue-reset-link.command';
import { ResetLinkResponseDto } from './issue-reset-link.response.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class IssueResetLinkHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reset-link')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: 'Issue a one-time password reset link for a user (24 hours, usable once)',
    description: 'The link is answered only here; the admin hands it to the user.',
  })
  @ApiCreatedResponse({
    type: ResetLinkResponseDto,
    description: 'the reset page with its one-time token, valid 24 hours: the admin hands it to the user',
  })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such user' })
  issue(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<ResetLinkResponseDto> {
    return this.commands.execute(IssueResetLinkCommand.create({ user, userId: id }));
  }
}
