import { Module } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv, ConfigError, loadConfig } from '@ticketing/config';
import { APP_CONFIG } from '@ticketing/platform';

/** Settings of the outreach service (environment variables; every one has a default). */
export class OutreachSettings {
  /** A key enterprise (重点企业) goes on the task list when not visited for this many months. */
  @IsInt({ message: 'OUTREACH_KEY_VISIT_MONTHS must be a whole number of months' })
  @Min(1, { message: 'OUTREACH_KEY_VISIT_MONTHS must be at least 1' })
  @Max(12, { message: 'OUTREACH_KEY_VISIT_MONTHS must be at most 12' })
  @Type(() => Number)
  OUTREACH_KEY_VISIT_MONTHS: number = 1;

  /** Every enterprise goes on the task list when not visited for this many months (default: quarterly). */
  @IsInt({ message: 'OUTREACH_VISIT_MONTHS must be a whole number of months' })
  @Min(1, { message: 'OUTREACH_VISIT_MONTHS must be at least 1' })
  @Max(24, { message: 'OUTREACH_VISIT_MONTHS must be at most 24' })
  @Type(() => Number)
  OUTREACH_VISIT_MONTHS: number = 3;

  @IsInt({ message: 'OUTREACH_PHOTO_MAX_BYTES must be a whole number of bytes' })
  @Min(1024, { message: 'OUTREACH_PHOTO_MAX_BYTES must be at least 1024' })
  @Max(100 * 1024 * 1024, { message: 'OUTREACH_PHOTO_MAX_BYTES must be at most 100 MB' })
  @Type(() => Number)
  OUTREACH_PHOTO_MAX_BYTES: number = 10 * 1024 * 1024;
}

export interface OutreachConfig extends OutreachSettings {
  dataDir: string;
}

export const OUTREACH_CONFIG = Symbol('OUTREACH_CONFIG');

const KEYS = ['OUTREACH_KEY_VISIT_MONTHS', 'OUTREACH_VISIT_MONTHS', 'OUTREACH_PHOTO_MAX_BYTES'] as const;

/**
 * The shell validates BaseEnv for the process (standalone runs every service on one); the extra
 * variables it read come along untouched, and are validated here, failing start-up by name.
 */
export function outreachConfigFrom(app: BaseEnv): OutreachConfig {
  const raw: Record<string, unknown> = { ...app };
  const env: NodeJS.ProcessEnv = {};
  for (const k of KEYS) if (raw[k] !== undefined && raw[k] !== null) env[k] = String(raw[k]);
  const settings = loadConfig(OutreachSettings, env);
  if (settings.OUTREACH_KEY_VISIT_MONTHS > settings.OUTREACH_VISIT_MONTHS) {
    throw new ConfigError([
      `OUTREACH_KEY_VISIT_MONTHS: a key enterprise is visited at least as often as any other (${settings.OUTREACH_KEY_VISIT_MONTHS} > OUTREACH_VISIT_MONTHS ${settings.OUTREACH_VISIT_MONTHS})`,
    ]);
  }
  return { ...settings, dataDir: app.DATA_DIR };
}

/** Provides OUTREACH_CONFIG to the service and to modules configured from it (multer limits). */
@Module({
  providers: [
    { provide: OUTREACH_CONFIG, inject: [APP_CONFIG], useFactory: (app: BaseEnv) => outreachConfigFrom(app) },
  ],
  exports: [OUTREACH_CONFIG],
})
export class OutreachConfigModule {}
