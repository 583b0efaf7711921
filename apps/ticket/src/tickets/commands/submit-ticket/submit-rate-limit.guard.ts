import {
  CanActivate,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { AuthUser } from '@ticketing/auth';
import { problemType } from '@ticketing/contracts';
import type { Response } from 'express';
import { TICKET_CONFIG, TicketConfig } from '../../../ticket.config';

const WINDOW_MS = 60_000;

/**
 * Submissions per user per minute (TICKET_SUBMIT_PER_MINUTE). Uses @nestjs/throttler's storage
 * directly rather than its global module and guard: in the standalone process every service
 * shares one Nest app, and a global throttler would limit the others' endpoints too.
 * Keyed by user, not IP: a whole park's staff may sit behind one address.
 */
@Injectable()
export class SubmitRateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(TICKET_CONFIG) private readonly config: TicketConfig) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
    if (!req.user) return true; // the auth guard runs first and refuses anonymous callers
    const limit = this.config.TICKET_SUBMIT_PER_MINUTE;
    const hit = await this.storage.increment(
      `ticket-submit:${req.user.id}`,
      WINDOW_MS,
      limit,
      WINDOW_MS,
      'ticket-submit',
    );
    if (!hit.isBlocked) return true;
    ctx
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, hit.timeToBlockExpire)));
    throw new HttpException(
      {
        type: problemType('tooManyRequests'),
        title: 'Too many requests',
        detail: `at most ${limit} submissions a minute; try again in ${hit.timeToBlockExpire} s`,
        retryAfterSeconds: hit.timeToBlockExpire,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
