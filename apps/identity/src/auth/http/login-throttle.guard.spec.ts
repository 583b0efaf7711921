import { ExecutionContext, HttpException } from '@nestjs/common';
import { IdentitySettings } from '../../identity.env';
import { InMemoryLoginAttempts } from '../infrastructure/login-attempts.in-memory-repository';
import { LoginThrottleGuard } from './login-throttle.guard';

function call(ip: string, headers: Record<string, string>): ExecutionContext {
  return {
    switchToHttp: () => ({
      getRequest: () => ({ ip }),
      getResponse: () => ({ setHeader: (k: string, v: string) => (headers[k] = v) }),
    }),
  } as unknown as ExecutionContext;
}

describe('LoginThrottleGuard', () => {
  it('lets LOGIN_RATE_LIMIT attempts a minute through per address, then answers 429 with Retry-After until the window ends', async () => {
    let now = Date.UTC(2026, 11, 3, 9);
    const guard = new LoginThrottleGuard(
      { loginRateLimitPerMinute: 2 } as IdentitySettings,
      new InMemoryLoginAttempts(() => now),
    );
    const headers: Record<string, string> = {};
    expect(await guard.canActivate(call('10.0.0.1', headers))).toBe(true);
    now += 20_000;
    expect(await guard.canActivate(call('10.0.0.1', headers))).toBe(true);
    const refused = await guard.canActivate(call('10.0.0.1', headers)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(429);
    expect(headers['Retry-After']).toBe('40');
    // Another address has its own count.
    expect(await guard.canActivate(call('10.0.0.2', {}))).toBe(true);
    // A new window at the first attempt after the last one ended.
    now += 40_000;
    expect(await guard.canActivate(call('10.0.0.1', headers))).toBe(true);
  });
});
