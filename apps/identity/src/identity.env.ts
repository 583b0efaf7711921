import { BaseEnv, loadConfig } from '@ticketing/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

// From the raw string (obj[key]): loadConfig's implicit conversion has already turned 'false' into
// true by the time `value` arrives. Anything but a recognised word stays a string and fails @IsBoolean.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  const word = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  return raw;
};

/** The identity service's environment: the shared variables plus its own. */
export class IdentityEnv extends BaseEnv {
  /** Seed demo enterprises, grids and one user per role (password Demo@2026) into an empty directory. */
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO must be true or false' })
  SEED_DEMO: boolean = true;

  /** Login attempts allowed per client IP per minute before 429. */
  @Type(() => Number)
  @IsInt({ message: 'LOGIN_RATE_LIMIT must be a whole number between 1 and 10000' })
  @Min(1, { message: 'LOGIN_RATE_LIMIT must be a whole number between 1 and 10000' })
  @Max(10000, { message: 'LOGIN_RATE_LIMIT must be a whole number between 1 and 10000' })
  LOGIN_RATE_LIMIT: number = 20;

  @Type(() => Number)
  @IsInt({ message: 'REFRESH_TOKEN_TTL_DAYS must be a whole number of days between 1 and 90' })
  @Min(1, { message: 'REFRESH_TOKEN_TTL_DAYS must be a whole number of days between 1 and 90' })
  @Max(90, { message: 'REFRESH_TOKEN_TTL_DAYS must be a whole number of days between 1 and 90' })
  REFRESH_TOKEN_TTL_DAYS: number = 14;
}

/** What the identity module needs from its environment. */
export interface IdentitySettings {
  seedDemo: boolean;
  loginRateLimitPerMinute: number;
  refreshTokenTtlDays: number;
}

export const identitySettingsFrom = (env: IdentityEnv): IdentitySettings => ({
  seedDemo: env.SEED_DEMO,
  loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT,
  refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
});

/**
 * For a process whose shell reads another env class (standalone): the identity settings from the
 * same environment, through the same validated class.
 */
export const loadIdentitySettings = (environment?: NodeJS.ProcessEnv): IdentitySettings =>
  identitySettingsFrom(loadConfig(IdentityEnv, environment));
