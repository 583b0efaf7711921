import { Module } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv, loadConfig } from '@ticketing/config';
import { APP_CONFIG } from '@ticketing/platform';

/** Settings of the ticket service (environment variables; every one has a default). */
export class TicketSettings {
  /** How often an unsatisfied enterprise may send a ticket back (重办). */
  @IsInt({ message: 'TICKET_REOPEN_LIMIT must be a whole number' })
  @Min(0, { message: 'TICKET_REOPEN_LIMIT must be 0 or more' })
  @Max(100, { message: 'TICKET_REOPEN_LIMIT must be at most 100' })
  @Type(() => Number)
  TICKET_REOPEN_LIMIT: number = 2;

  @IsInt({ message: 'TICKET_ATTACHMENT_MAX_BYTES must be a whole number of bytes' })
  @Min(1024, { message: 'TICKET_ATTACHMENT_MAX_BYTES must be at least 1024' })
  @Max(100 * 1024 * 1024, { message: 'TICKET_ATTACHMENT_MAX_BYTES must be at most 100 MB' })
  @Type(() => Number)
  TICKET_ATTACHMENT_MAX_BYTES: number = 10 * 1024 * 1024;

  /** Submissions per user per minute. */
  @IsInt({ message: 'TICKET_SUBMIT_PER_MINUTE must be a whole number' })
  @Min(1, { message: 'TICKET_SUBMIT_PER_MINUTE must be at least 1' })
  @Max(10000, { message: 'TICKET_SUBMIT_PER_MINUTE must be at most 10000' })
  @Type(() => Number)
  TICKET_SUBMIT_PER_MINUTE: number = 30;
}

export interface TicketConfig extends TicketSettings {
  dataDir: string;
}

export const TICKET_CONFIG = Symbol('TICKET_CONFIG');

const KEYS = ['TICKET_REOPEN_LIMIT', 'TICKET_ATTACHMENT_MAX_BYTES', 'TICKET_SUBMIT_PER_MINUTE'] as const;

/**
 * The shell validates BaseEnv for the process (standalone runs every service on one); the extra
 * variables it read come along untouched, and are validated here, failing start-up by name.
 */
export function ticketConfigFrom(app: BaseEnv): TicketConfig {
  const raw: Record<string, unknown> = { ...app };
  const env: NodeJS.ProcessEnv = {};
  for (const k of KEYS) if (raw[k] !== undefined && raw[k] !== null) env[k] = String(raw[k]);
  return { ...loadConfig(TicketSettings, env), dataDir: app.DATA_DIR };
}

/** Provides TICKET_CONFIG to the service and to modules configured from it (multer limits). */
@Module({
  providers: [
    { provide: TICKET_CONFIG, inject: [APP_CONFIG], useFactory: (app: BaseEnv) => ticketConfigFrom(app) },
  ],
  exports: [TICKET_CONFIG],
})
export class TicketConfigModule {}
