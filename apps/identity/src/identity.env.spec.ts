import { ConfigError, loadConfig } from '@ticketing/config';
import { IdentityEnv, loadIdentitySettings } from './identity.env';

describe('IdentityEnv', () => {
  it('seeds the demo unless SEED_DEMO says no', () => {
    expect(loadConfig(IdentityEnv, {}).SEED_DEMO).toBe(true);
    expect(loadConfig(IdentityEnv, { SEED_DEMO: 'false' }).SEED_DEMO).toBe(false);
    expect(loadConfig(IdentityEnv, { SEED_DEMO: '0' }).SEED_DEMO).toBe(false);
    expect(loadConfig(IdentityEnv, { SEED_DEMO: 'TRUE' }).SEED_DEMO).toBe(true);
  });

  it('refuses a value that is not a yes or no, naming the variable', () => {
    expect(() => loadConfig(IdentityEnv, { SEED_DEMO: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig(IdentityEnv, { SEED_DEMO: 'maybe' })).toThrow(/^SEED_DEMO: /);
    expect(() => loadConfig(IdentityEnv, { LOGIN_RATE_LIMIT: '0' })).toThrow(/LOGIN_RATE_LIMIT/);
  });

  it('gives the settings a composed process passes to IdentityModule.forRoot', () => {
    expect(
      loadIdentitySettings({ SEED_DEMO: 'no', LOGIN_RATE_LIMIT: '7', REFRESH_TOKEN_TTL_DAYS: '3' }),
    ).toEqual({
      seedDemo: false,
      loginRateLimitPerMinute: 7,
      refreshTokenTtlDays: 3,
    });
  });
});
