import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { ResetPasswordHandler } from './reset-password.handler';
import { ResetPasswordRequestDto } from './reset-password.request.dto';

@ApiTags('identity: users')
@Controller('api/v1/identity/users')
export class ResetPasswordHttpController {
  constructor(private readonly handler: ResetPasswordHandler) {}

  @Post(':id/reset-password')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: "Set a new password for a user; ends the user's sessions" })
  @ApiNoContentResponse({ description: 'password set; the user must change it after logging in' })
  @ApiBadRequestResponse({ description: 'newPassword does not meet the rules' })
  @ApiNotFoundResponse({ description: 'no such user' })
  reset(@IdParam() id: string, @Body() dto: ResetPasswordRequestDto, @CurrentUser() user: AuthUser): Promise<void> {
    return this.handler.execute(id, dto.newPassword, user);
  }
}
