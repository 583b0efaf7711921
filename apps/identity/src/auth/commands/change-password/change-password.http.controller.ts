import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { AllowPendingPasswordChange, AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import type { Response } from 'express';
import { AccountLockedError } from '../../domain/account-locked.error';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordRequestDto } from './change-password.request.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class ChangePasswordHttpController {
  constructor(private readonly commands: CommandBus) {}

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
  @ApiTooManyRequestsResponse({
    description:
      'the account is locked for 15 minutes after 5 wrong passwords within 15 minutes (wrong current passwords count with failed log-ins); see Retry-After',
  })
  async change(
    @CurrentUser() user: AuthUser,
    @Body() dto: ChangePasswordRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    try {
      await this.commands.execute(
        ChangePasswordCommand.create({
          user,
          currentPassword: dto.currentPassword,
          newPassword: dto.newPassword,
        }),
      );
    } catch (e) {
      if (e instanceof AccountLockedError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
  }
}
