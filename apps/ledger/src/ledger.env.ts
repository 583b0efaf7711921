import { BaseEnv, loadConfig } from '@ticketing/config';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsNumber, Max, Min } from 'class-validator';

// Reads the raw string: implicit conversion would already have turned 'false' into true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const value = obj[key];
  return typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
};
const WEIGHT_MESSAGE = 'LEDGER_SATISFACTION_WEIGHT must be a number between 0 and 1 (the weight of 基本满意, e.g. 0.9)';

/** The ledger service's environment: the shared variables plus its own. */
export class LedgerEnv extends BaseEnv {
  /** How much a 基本满意 (basically satisfied) counts in the satisfaction rate; 满意 counts 1. */
  @Type(() => Number)
  @IsNumber({}, { message: WEIGHT_MESSAGE })
  @Min(0, { message: WEIGHT_MESSAGE })
  @Max(1, { message: WEIGHT_MESSAGE })
  LEDGER_SATISFACTION_WEIGHT: number = 0.9;

  /** Seal the chain once a day (Asia/Shanghai); off only for tests that seal on demand. */
  @Transform(toBool)
  @IsBoolean({ message: 'LEDGER_DAILY_SEAL must be true or false' })
  LEDGER_DAILY_SEAL: boolean = true;
}

export interface LedgerSettings {
  satisfactionWeight: number;
  dailySeal: boolean;
}

export const LEDGER_SETTINGS = Symbol('LEDGER_SETTINGS');

const KEYS = ['LEDGER_SATISFACTION_WEIGHT', 'LEDGER_DAILY_SEAL'] as const;

/**
 * Run by its own main.ts the shell read LedgerEnv already; composed into another process
 * (standalone) the shell kept our variables untouched on its config, and LedgerEnv checks them here.
 */
export function ledgerSettingsFrom(app: BaseEnv): LedgerSettings {
  let env: LedgerEnv;
  if (app instanceof LedgerEnv) env = app;
  else {
    const raw = app as unknown as Record<string, unknown>;
    const given: NodeJS.ProcessEnv = {};
    for (const k of KEYS) if (raw[k] !== undefined && raw[k] !== null) given[k] = String(raw[k]);
    env = loadConfig(LedgerEnv, given);
  }
  return { satisfactionWeight: env.LEDGER_SATISFACTION_WEIGHT, dailySeal: env.LEDGER_DAILY_SEAL };
}
