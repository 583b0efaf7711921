import { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own log lines, through the same JSON logger as everything else. */
/**
 * Nest's start-up chatter: every module initialised, every controller and route mapped (hundreds of
 * lines in the standalone process). Written at debug, so a start shows what matters: where it runs.
 */
export const NEST_STARTUP_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, rest: unknown[]) {
    const context = rest.length ? rest[rest.length - 1] : undefined;
    const obj = typeof context === 'string' ? { context } : {};
    if (message instanceof Error) this.logger[level]({ ...obj, err: message }, message.message);
    else if (typeof message === 'object') this.logger[level]({ ...obj, ...(message as object) });
    else this.logger[level](obj, String(message));
  }
  log(message: unknown, ...rest: unknown[]) {
    const context = rest.length ? rest[rest.length - 1] : undefined;
    this.write(
      typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context) ? 'debug' : 'info',
      message,
      rest,
    );
  }
  error(message: unknown, ...rest: unknown[]) {
    // Nest passes (message, stack, context)
    const [stack, context] = rest as [string | undefined, string | undefined];
    this.logger.error({ context, stack }, String(message instanceof Error ? message.message : message));
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.write('trace', message, rest);
  }
}
