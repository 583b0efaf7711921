import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles, AllowPendingPasswordChange } from '@ticketing/auth';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import type { Response } from 'express';
import { AccountLockedError } from '../../infrastructure/login-guard.service';
import { ChangePasswordHandler } from './change-password.handler';
import { ChangePasswordRequestDto } from './change-password.request.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class ChangePasswordHttpController {
  constructor(private readonly handler: ChangePasswordHandler) {}

  @Post('change-password')
  @HttpCode(204)
  @Roles(...ALL_ROLES)
  @AllowPendingPasswordChange()
  @ApiOperation({
    summary: 'Change your own password; every refresh token of yours is revoked (log in again)',
  })
  @ApiNoContentResponse({ description: 'password changed' })
  @ApiBadRequestResponse({
    description: 'currentPassword wrong, or newPassword does not meet the rules (named in errors[])',
  })
  @ApiTooManyRequestsResponse({ description: 'locked after too many wrong passwords; see Retry-After' })
  async change(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    try {
      await this.handler.execute(user, dto);
    } catch (e) {
      if (e instanceof AccountLockedError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
  }
}
