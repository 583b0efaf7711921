import pino, { Logger, LoggerOptions } from 'pino';
import { Correlation } from './correlation';

/** Paths never written to logs, whatever the level: credentials and tokens. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.refreshToken',
  '*.accessToken',
  'password',
  'refreshToken',
  'accessToken',
];

export interface LoggerSettings {
  service: string;
  level: string;
  pretty?: boolean;
}

/** JSON logs; each line carries the service and, when there is one, the correlation id. */
export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    base: { service: settings.service },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const correlationId = Correlation.id();
      return correlationId ? { correlationId } : {};
    },
  };
  if (settings.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } });
  }
  return pino(options);
}
