import { CanActivate, ExecutionContext, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { problemType } from '@ticketing/contracts';
import type { Request, Response } from 'express';
import { IdentitySettings } from '../../identity.env';
import { IDENTITY_SETTINGS } from '../../identity.tokens';
import { LoginAttempts } from '../domain/login-attempts';

const WINDOW_SECONDS = 60;

/**
 * Login attempts per client address per minute (LOGIN_RATE_LIMIT), counted in PostgreSQL: every
 * instance of identity shares the count, so scaling out does not multiply the limit. Its own
 * guard rather than a global throttler, so other services in the same process keep theirs.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  constructor(
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly attempts: LoginAttempts,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const http = ctx.switchToHttp();
    const req = http.getRequest<Request>();
    const client = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
    const limit = this.settings.loginRateLimitPerMinute;
    const { attempts, retryAfterSeconds } = await this.attempts.count(client, WINDOW_SECONDS);
    if (attempts <= limit) return true;
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    throw new HttpException(
      {
        type: problemType('tooManyRequests'),
        title: 'Too many requests',
        detail: `too many login attempts from this address; try again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
