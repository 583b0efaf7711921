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
  /** Human-readable lines; absent: when stdout is a terminal (a person watching), JSON otherwise. */
  pretty?: boolean;
}

/** Whether logs are written for a person: LOG_PRETTY when set, else whether stdout is a terminal. */
export const writesPretty = (pretty: boolean | undefined, isTTY: boolean | undefined): boolean =>
  pretty ?? isTTY === true;

/**
 * JSON logs for collectors, one line each with the service and, when there is one, the correlation
 * id; on a terminal (or with LOG_PRETTY=true) the same lines made readable.
 */
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
  if (writesPretty(settings.pretty, process.stdout.isTTY)) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return pino(options);
}
