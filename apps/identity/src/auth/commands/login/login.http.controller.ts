import { Body, Controller, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import type { Response } from 'express';
import { SessionResponseDto } from '../../auth.response.dto';
import { AccountLockedError } from '../../domain/account-locked.error';
import { LoginThrottleGuard } from '../../http/login-throttle.guard';
import { LoginCommand } from './login.command';
import { LoginRequestDto } from './login.request.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class LoginHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(LoginThrottleGuard)
  @ApiOperation({ summary: 'Log in with username and password' })
  @ApiOkResponse({
    type: SessionResponseDto,
    description: 'the session: access and refresh tokens, and who you are',
  })
  @ApiBadRequestResponse({ description: 'username or password missing' })
  @ApiUnauthorizedResponse({
    description: 'wrong username or password (the answer does not say which), or the account is disabled',
  })
  @ApiTooManyRequestsResponse({
    description:
      'the account is locked for 15 minutes after 5 wrong passwords within 15 minutes, or this address made more than LOGIN_RATE_LIMIT (20 by default) attempts this minute (log-ins, registrations and password-reset redemptions count together); see Retry-After',
  })
  async login(
    @Body() dto: LoginRequestDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponseDto> {
    try {
      return await this.commands.execute(
        LoginCommand.create({ username: dto.username, password: dto.password }),
      );
    } catch (e) {
      if (e instanceof AccountLockedError) res.setHeader('Retry-After', String(e.retryAfterSeconds));
      throw e;
    }
  }
}
