import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { PipeliningClient } from './pipelining-client';
import { PreparingClient } from './preparing-client';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface ServiceDataSourceSettings {
  url: string;
  /** The PostgreSQL schema the service owns; nothing else writes to it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
  /** Run frequent writes and locking reads as prepared statements (ADR 0018); default on. */
  preparedStatements?: boolean;
}

/** One DataSource per service schema; migrations are committed and run at start, never synchronize. */
export function serviceDataSourceOptions(s: ServiceDataSourceSettings): DataSourceOptions {
  return {
    // The name must match the TypeOrmModule connection name, or Nest cannot close it on shutdown.
    name: s.schema,
    type: 'postgres',
    url: s.url,
    schema: s.schema,
    entities: s.entities,
    migrations: s.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName: s.applicationName ?? s.schema,
    extra: {
      max: s.poolSize ?? 10,
      connectionTimeoutMillis: 10000,
      // A transaction's start goes with its first statement (ADR 0022); frequent statements are
      // prepared (ADR 0018) unless turned off.
      Client: s.preparedStatements === false ? PipeliningClient : PreparingClient,
    },
  };
}

/**
 * Creates the schema and applies pending migrations under an advisory lock, so that several
 * instances of one service starting together migrate once.
 */
export async function migrateServiceSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

export async function openServiceDataSource(s: ServiceDataSourceSettings): Promise<DataSource> {
  const ds = new DataSource(serviceDataSourceOptions(s));
  await ds.initialize();
  try {
    await migrateServiceSchema(ds, s.schema);
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}
