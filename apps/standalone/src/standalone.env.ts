import { BaseEnv } from '@ticketing/config';
import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';

// From the raw string: loadConfig's implicit conversion would read 'false' as true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  if (typeof raw !== 'string') return raw;
  const word = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(word)) return true;
  if (['0', 'false', 'no', 'off'].includes(word)) return false;
  return raw;
};

/** The standalone process's environment: the shared variables plus its own. */
export class StandaloneEnv extends BaseEnv {
  /**
   * With SEED_DEMO on: also replay a quarter of demo tickets into a system that has none yet
   * (first start). Off: the demo directory only (the browser suites, which count their own tickets).
   */
  @Transform(toBool)
  @IsBoolean({ message: 'SEED_DEMO_QUARTER must be true or false' })
  SEED_DEMO_QUARTER: boolean = true;
}
