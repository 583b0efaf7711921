import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigError } from './config.error';

type Constructor<T> = new () => T;

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const name = prefix + e.property;
    const own = [...new Set(Object.values(e.constraints ?? {}))].map((m) => `${name}: ${m}`);
    return [...own, ...flatten(e.children ?? [], `${name}.`)];
  });
}

/**
 * Reads the environment into one typed, validated object. The only place that reads process.env.
 * Empty strings count as unset, so `FOO= npm start` behaves like not setting FOO.
 */
export function loadConfig<T extends object>(
  schema: Constructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') plain[key] = value;
  const config = plainToInstance(schema, plain, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(flatten(errors));
  return config;
}
