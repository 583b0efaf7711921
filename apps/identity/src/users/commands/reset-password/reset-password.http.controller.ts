import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { ResetPasswordCommand } from './reset-password.command';
import { ResetPasswordRequestDto } from './reset-password.request.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class ResetPasswordHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reset-password')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: "Set a new password for a user; ends the user's sessions" })
  @ApiNoContentResponse({ description: 'password set; the user must change it after logging in' })
  @ApiBadRequestResponse({ description: 'newPassword does not meet the rules' })
  @ApiNotFoundResponse({ description: 'no such user' })
  reset(
    @IdParam() id: string,
    @Body() dto: ResetPasswordRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.commands.execute(
      ResetPasswordCommand.create({ user, userId: id, newPassword: dto.newPassword }),
    );
  }
}
