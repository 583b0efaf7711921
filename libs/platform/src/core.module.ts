import {
  Controller,
  DynamicModule,
  Get,
  Global,
  Header,
  Module,
  OnApplicationShutdown,
  Res,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { BaseEnv } from '@ticketing/config';
import {
  DATABASE_HEALTH,
  DATABASE_POOL_SIZE,
  DATABASE_PREPARED_STATEMENTS,
  DATABASE_URL,
  RunningPostgres,
} from '@ticketing/database';
import {
  MESSAGE_TRANSPORT,
  MESSAGING_RUNTIME,
  MessageTransport,
  MessagingLifecycle,
  MessagingRuntime,
} from '@ticketing/messaging';
import { HealthRegistry, metricsRegistry } from '@ticketing/observability';
import type { Response } from 'express';
import type { Logger } from 'pino';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const APP_LOGGER = Symbol('APP_LOGGER');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

export interface CoreRuntime {
  service: string;
  config: BaseEnv;
  logger: Logger;
  databaseUrl: string;
  embedded?: RunningPostgres;
  transport: MessageTransport;
  /** Started by the shell once the application is initialised (consumers, then relays). */
  messaging: MessagingLifecycle;
}

@ApiExcludeController()
@Public()
@Controller()
class OperationsController {
  constructor(private readonly health: HealthRegistry) {}

  @Get('health')
  async healthCheck(@Res() res: Response) {
    const report = await this.health.report();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() res: Response) {
    res.type(metricsRegistry.contentType).send(await metricsRegistry.metrics());
  }
}

class CoreShutdown implements OnApplicationShutdown {
  constructor(private readonly runtime: CoreRuntime) {}
  // Nest stops the services' relays and consumers first (they are shut down before their
  // dependencies), then the transport, then the embedded database.
  async onApplicationShutdown(): Promise<void> {
    await this.runtime.transport.close().catch(() => undefined);
    await this.runtime.embedded?.stop().catch(() => undefined);
  }
}

/** What every process has once: config, logger, database URL, transport, health and metrics. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(runtime: CoreRuntime): DynamicModule {
    const health = new HealthRegistry();
    health.register({ name: 'transport', check: () => runtime.transport.health() });
    const messagingRuntime: MessagingRuntime = {
      connectionString: runtime.databaseUrl,
      consumerMaxAttempts: runtime.config.CONSUMER_MAX_ATTEMPTS,
      localBatchesInFlight: runtime.config.LOCAL_RELAY_BATCHES_IN_FLIGHT,
      log: (level, message, extra) => runtime.logger[level](extra ?? {}, message),
      lifecycle: runtime.messaging,
    };
    return {
      module: CoreModule,
      controllers: [OperationsController],
      providers: [
        { provide: APP_CONFIG, useValue: runtime.config },
        { provide: APP_LOGGER, useValue: runtime.logger },
        { provide: SERVICE_NAME, useValue: runtime.service },
        { provide: DATABASE_URL, useValue: runtime.databaseUrl },
        { provide: DATABASE_POOL_SIZE, useValue: runtime.config.DATABASE_POOL_SIZE },
        { provide: DATABASE_PREPARED_STATEMENTS, useValue: runtime.config.DATABASE_PREPARED_STATEMENTS },
        { provide: MESSAGE_TRANSPORT, useValue: runtime.transport },
        { provide: MESSAGING_RUNTIME, useValue: messagingRuntime },
        { provide: HealthRegistry, useValue: health },
        { provide: DATABASE_HEALTH, useValue: health },
        { provide: CoreShutdown, useFactory: () => new CoreShutdown(runtime) },
      ],
      exports: [
        APP_CONFIG,
        APP_LOGGER,
        SERVICE_NAME,
        DATABASE_URL,
        DATABASE_POOL_SIZE,
        DATABASE_PREPARED_STATEMENTS,
        MESSAGE_TRANSPORT,
        MESSAGING_RUNTIME,
        HealthRegistry,
        DATABASE_HEALTH,
      ],
    };
  }
}
