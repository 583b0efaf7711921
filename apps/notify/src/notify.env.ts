import { BaseEnv, loadConfig } from '@ticketing/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/** 32 bytes in base64 (`openssl rand -base64 32`) or base64url. */
const AES_KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Reads the raw variable (`obj[key]`), not `value`: with implicit conversion on, class-transformer
 * hands a transform Boolean('false') === true.
 */
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) : raw;
};

const whole = (name: string, min: number, max: number) => {
  const message = `${name} must be a whole number between ${min} and ${max}`;
  return [Type(() => Number), IsInt({ message }), Min(min, { message }), Max(max, { message })];
};
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** The notify service's environment: the shared variables plus its own. */
export class NotifyEnv extends BaseEnv {
  /** smtp://user:pass@host:587 or smtps://…:465; without it e-mail subscriptions are refused. */
  @IsOptional()
  @Matches(/^smtps?:\/\/([^@/\s]+@)?[^/:\s]+(:\d{1,5})?\/?(\?\S*)?$/, {
    message:
      'SMTP_URL must look like smtp://user:password@mail.example.org:587 (or smtps:// for implicit TLS)',
  })
  SMTP_URL?: string;

  @Matches(/^([^<>]*<)?[^@\s<>]+@[^@\s<>]+\.?[^@\s<>]*>?$/, {
    message: 'SMTP_FROM must be an address such as "吹哨报到 <noreply@example.org>"',
  })
  SMTP_FROM = '吹哨报到 <noreply@chuishao.local>';

  /** Where people open a ticket: links in messages are `<PUBLIC_BASE_URL>/tickets/<id>`. */
  @Matches(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, {
    message: 'PUBLIC_BASE_URL must be an http(s) URL such as https://chuishao.example.org',
  })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @apply(whole('NOTIFY_MAX_ATTEMPTS', 1, 50))
  NOTIFY_MAX_ATTEMPTS: number = 6;

  /** First retry delay; each further one doubles (with jitter) up to NOTIFY_RETRY_CAP_MS. */
  @apply(whole('NOTIFY_RETRY_BASE_MS', 10, 3_600_000))
  NOTIFY_RETRY_BASE_MS: number = 5000;

  @apply(whole('NOTIFY_RETRY_CAP_MS', 10, 86_400_000))
  NOTIFY_RETRY_CAP_MS: number = 900_000;

  /** One request to a robot, webhook or SMTP server never takes longer than this. */
  @apply(whole('NOTIFY_TIMEOUT_MS', 100, 120_000))
  NOTIFY_TIMEOUT_MS: number = 5000;

  /** Deliveries in flight at once in this process. */
  @apply(whole('NOTIFY_CONCURRENCY', 1, 200))
  NOTIFY_CONCURRENCY: number = 16;

  /** Deliveries in flight at once to one subscription, so one slow receiver cannot take every slot. */
  @apply(whole('NOTIFY_PER_SUBSCRIPTION', 1, 50))
  NOTIFY_PER_SUBSCRIPTION: number = 2;

  /** Allow plain http:// receivers (local gateways, tests). Robots and webhooks need https otherwise. */
  @Transform(toBool)
  @IsBoolean({ message: 'NOTIFY_ALLOW_HTTP must be true or false' })
  NOTIFY_ALLOW_HTTP: boolean = false;

  /**
   * Allow receivers on loopback, private (RFC 1918, fc00::/7), link-local, unspecified and
   * multicast addresses (an intranet gateway, tests). Cloud metadata addresses stay refused.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'NOTIFY_ALLOW_PRIVATE_RECEIVERS must be true or false' })
  NOTIFY_ALLOW_PRIVATE_RECEIVERS: boolean = false;

  /**
   * The AES-256 key that seals subscription secrets in the database (32 bytes, base64). Absent:
   * generated once into DATA_DIR/notify-secret-key (required in production).
   */
  @IsOptional()
  @Matches(AES_KEY, { message: 'NOTIFY_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)' })
  NOTIFY_SECRET_KEY?: string;

  /** Keys rotated out: they still open what they sealed, and stored secrets are resealed with NOTIFY_SECRET_KEY at start. */
  @IsOptional()
  @Transform(toList)
  @Matches(AES_KEY, {
    each: true,
    message: 'NOTIFY_SECRET_KEYS_PREVIOUS must be a comma-separated list of 32-byte keys in base64',
  })
  NOTIFY_SECRET_KEYS_PREVIOUS?: string[];
}

/** What the notify module needs from its environment. */
export interface NotifySettings {
  smtpUrl: string | null;
  smtpFrom: string;
  publicBaseUrl: string;
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
  timeoutMs: number;
  concurrency: number;
  perSubscription: number;
  allowHttp: boolean;
  /** Receivers on loopback, private, link-local … addresses allowed (never cloud metadata). */
  allowPrivateReceivers: boolean;
}

export const notifySettingsFrom = (env: NotifyEnv): NotifySettings => ({
  smtpUrl: env.SMTP_URL ?? null,
  smtpFrom: env.SMTP_FROM,
  publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
  maxAttempts: env.NOTIFY_MAX_ATTEMPTS,
  retryBaseMs: env.NOTIFY_RETRY_BASE_MS,
  retryCapMs: env.NOTIFY_RETRY_CAP_MS,
  timeoutMs: env.NOTIFY_TIMEOUT_MS,
  concurrency: env.NOTIFY_CONCURRENCY,
  perSubscription: env.NOTIFY_PER_SUBSCRIPTION,
  allowHttp: env.NOTIFY_ALLOW_HTTP,
  allowPrivateReceivers: env.NOTIFY_ALLOW_PRIVATE_RECEIVERS,
});

/**
 * The notify environment of this process: the shell's own when it read NotifyEnv; for a process
 * whose shell reads another env class (standalone), the same variables through the same class.
 */
export const notifyEnvOf = (config: BaseEnv): NotifyEnv =>
  config instanceof NotifyEnv ? config : loadConfig(NotifyEnv);

export const loadNotifySettings = (environment?: NodeJS.ProcessEnv): NotifySettings =>
  notifySettingsFrom(loadConfig(NotifyEnv, environment));

export const NOTIFY_SETTINGS = Symbol('NOTIFY_SETTINGS');
