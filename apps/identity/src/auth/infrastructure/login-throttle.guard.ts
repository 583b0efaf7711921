import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerStorageService } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { IdentitySettings } from '../../identity.env';
import { IDENTITY_SETTINGS, LOGIN_THROTTLE_STORAGE } from '../../identity.tokens';

/**
 * Per-IP limit on login attempts, with its own options and storage rather than the global
 * ThrottlerModule, so other services in the same process keep theirs. The throttler's name is
 * `default`, which makes it answer with a plain `Retry-After` header.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  constructor(
    @Inject(IDENTITY_SETTINGS) settings: IdentitySettings,
    @Inject(LOGIN_THROTTLE_STORAGE) storage: ThrottlerStorageService,
    reflector: Reflector,
  ) {
    super(
      { throttlers: [{ name: 'default', ttl: 60_000, limit: settings.loginRateLimitPerMinute }] },
      storage,
      reflector,
    );
  }

  protected override async getErrorMessage(
    _: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<string> {
    return `too many login attempts from this address; try again in ${detail.timeToBlockExpire} seconds`;
  }
}
