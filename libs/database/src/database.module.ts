import { DynamicModule, Inject, Injectable, InjectionToken, Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { migrateServiceSchema, serviceDataSourceOptions } from './service-data-source';
import { PgSettingsChangeFeed, SettingsCache } from './settings-cache';
import { TransactionContext, UnitOfWork } from './unit-of-work';

/** Provided by the app shell: the resolved database URL (given, or the embedded server's). */
export const DATABASE_URL = Symbol('DATABASE_URL');
export const DATABASE_POOL_SIZE = Symbol('DATABASE_POOL_SIZE');
/** Whether the pools run frequent writes and locking reads as prepared statements (ADR 0018). */
export const DATABASE_PREPARED_STATEMENTS = Symbol('DATABASE_PREPARED_STATEMENTS');

/** Lets the shell's health check see every service's database without knowing the services. */
export const DATABASE_HEALTH = Symbol('DATABASE_HEALTH');
export interface DatabaseHealthSink {
  register(indicator: { name: string; check(): Promise<{ ok: boolean; detail?: string }> }): void;
}

export interface ServiceDatabaseOptions {
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string> | ServiceMigrationsFactory;
}

/**
 * Migrations that need something the app provides (e.g. a key from its settings to encrypt
 * existing rows): built from the injected values just before they run.
 */
export interface ServiceMigrationsFactory {
  inject: InjectionToken[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-function-type
  useFactory: (...deps: any[]) => MixedList<Function | string>;
}

const isMigrationsFactory = (m: ServiceDatabaseOptions['migrations']): m is ServiceMigrationsFactory =>
  typeof m === 'object' && m !== null && !Array.isArray(m) && 'useFactory' in m;

function healthRegistrar(schema: string) {
  @Injectable()
  class DatabaseHealthRegistrar implements OnModuleInit {
    constructor(
      @Inject(getDataSourceToken(schema)) private readonly ds: DataSource,
      @Inject(DATABASE_HEALTH) private readonly health: DatabaseHealthSink,
    ) {}
    onModuleInit() {
      this.health.register({
        name: `database:${schema}`,
        check: async () => {
          await this.ds.query('SELECT 1');
          return { ok: true };
        },
      });
    }
  }
  return DatabaseHealthRegistrar;
}

/**
 * A service's own DataSource on its own schema, named after the schema
 * (`@InjectDataSource('ticket')`, `TypeOrmModule.forFeature([...], 'ticket')`).
 * Pending migrations are applied before the service starts. Provides the service's unit of work
 * (`UnitOfWork` for handlers, `TransactionContext` for repositories).
 */
@Module({})
export class DatabaseModule {
  static forService(opts: ServiceDatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: opts.schema,
          inject: [
            DATABASE_URL,
            DATABASE_POOL_SIZE,
            DATABASE_PREPARED_STATEMENTS,
            ...(isMigrationsFactory(opts.migrations) ? opts.migrations.inject : []),
          ],
          useFactory: (url: string, poolSize: number, preparedStatements: boolean, ...deps: unknown[]) =>
            serviceDataSourceOptions({
              url,
              schema: opts.schema,
              entities: opts.entities,
              migrations: isMigrationsFactory(opts.migrations)
                ? opts.migrations.useFactory(...deps)
                : opts.migrations,
              poolSize,
              preparedStatements,
            }),
          dataSourceFactory: async (options) => {
            const ds = new DataSource(options!);
            await ds.initialize();
            await migrateServiceSchema(ds, opts.schema);
            return ds;
          },
        }),
      ],
      providers: [
        healthRegistrar(opts.schema),
        {
          provide: TransactionContext,
          inject: [getDataSourceToken(opts.schema)],
          useFactory: (ds: DataSource) => new TransactionContext(ds),
        },
        { provide: UnitOfWork, useExisting: TransactionContext },
        {
          // Opens its LISTEN connection on the first read: a service that caches nothing opens none.
          provide: SettingsCache,
          inject: [DATABASE_URL, getDataSourceToken(opts.schema)],
          useFactory: (url: string, ds: DataSource) =>
            new SettingsCache(new PgSettingsChangeFeed(url, opts.schema)).attach(ds),
        },
      ],
      exports: [TransactionContext, UnitOfWork, SettingsCache],
    };
  }
}
