import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';

/**
 * Per-IP limit on login attempts, with its own options and storage rather than the global
 * ThrottlerModule, so other services in the same process keep theirs. The throttler's name is
 * `default`, which makes it answer with a plain `Retry-After` header.
 */
@Injectable()
export class LoginThrottleGuard extends ThrottlerGuard {
  protected override async getErrorMessage(_: ExecutionContext, detail: ThrottlerLimitDetail): Promise<string> {
    return `too many login attempts from this address; try again in ${detail.timeToBlockExpire} seconds`;
  }
}
