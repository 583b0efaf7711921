import { DynamicModule, INestApplication, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BaseEnv, ConfigError, loadConfig } from '@ticketing/config';
import { ALL_TOPICS } from '@ticketing/contracts';
import { EmbeddedPostgresError, resolveDatabase } from '@ticketing/database';
import {
  KafkaTransport,
  KafkaUnreachableError,
  LocalTransport,
  MessageTransport,
  MessagingLifecycle,
} from '@ticketing/messaging';
import { collectProcessMetrics, createLogger } from '@ticketing/observability';
import helmet from 'helmet';
import { AuthModule } from '@ticketing/auth';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { CoreModule, CoreRuntime } from './core.module';
import { httpContextMiddleware } from './http-context.middleware';
import { EdgeInputGuard, JSON_MEDIA_TYPES } from './edge-input.guard';
import { jsonBodyGuard } from './json-body.guard';
import { completeApiDocument } from './openapi';
import { PinoNestLogger } from './nest-logger';
import { ProblemDetailsFilter } from './problem-details.filter';
import { StartupError } from './startup.error';
import { createValidationPipe } from './validation';

export interface ServiceDefinition<E extends BaseEnv = BaseEnv> {
  /** Name in logs, metrics, consumer groups. */
  service: string;
  /** The service root modules this process runs (standalone: all of them). */
  modules: (Type<unknown> | DynamicModule)[];
  env?: new () => E;
  title?: string;
  /** The environment to read; process.env unless a test passes its own. */
  environment?: NodeJS.ProcessEnv;
  /** Extra HTTP setup (e.g. serving the web build), before listen. */
  configure?: (app: NestExpressApplication, config: E, logger: Logger) => void | Promise<void>;
  /**
   * Work once everything runs (listening, events flowing) and before the process counts as ready:
   * `runMain` prints "ready" after it (the standalone's demo quarter).
   */
  beforeReady?: (running: RunningService, config: E) => Promise<void>;
}

export interface RunningService {
  app: INestApplication;
  url: string;
  runtime: CoreRuntime;
  close(): Promise<void>;
}

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new StartupError(
          e.code === 'EADDRINUSE'
            ? `PORT=${port} is already in use on ${host}; stop the other process or set PORT to a free port`
            : `PORT=${port} cannot be opened on ${host}: ${e.message}`,
        ),
      ),
    );
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

async function assertDatabaseReachable(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (e) {
    const safe = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    throw new StartupError(`DATABASE_URL=${safe} is unreachable: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * JWT_SECRET when given (required in production, and shared by every service); otherwise one is
 * generated once and kept under DATA_DIR, so local restarts keep everyone logged in.
 */
function resolveTokenSecret(config: BaseEnv): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.NODE_ENV === 'production') {
    throw new StartupError(
      'JWT_SECRET must be set in production (at least 32 characters, the same for every service)',
    );
  }
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

function createTransport(config: BaseEnv, logger: Logger): MessageTransport {
  if (config.KAFKA_BROKERS?.length) {
    return new KafkaTransport({
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      partitions: config.KAFKA_PARTITIONS,
      topicPrefix: config.KAFKA_TOPIC_PREFIX,
      topics: [...ALL_TOPICS],
      log: (level, message, extra) => logger[level](extra ?? {}, message),
    });
  }
  return new LocalTransport({
    lanes: config.LOCAL_TRANSPORT_LANES,
    onDeadLetter: (m, group, error) =>
      logger.error(
        { group, topic: m.topic, key: m.key, error: (error as Error)?.message },
        'message dead-lettered',
      ),
  });
}

/**
 * Starts one process: validated config, database (given or embedded) with migrations, transport,
 * the service modules, and the HTTP shell shared by every app. Problems that an operator can fix
 * surface as ConfigError/StartupError with one clear message.
 */
export async function startService<E extends BaseEnv>(def: ServiceDefinition<E>): Promise<RunningService> {
  const config = loadConfig((def.env ?? BaseEnv) as new () => E, def.environment);
  const logger = createLogger({ service: def.service, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  collectProcessMetrics(def.service);
  if (config.PORT !== 0) await assertPortFree(config.HOST, config.PORT);

  if (config.DATABASE_URL) await assertDatabaseReachable(config.DATABASE_URL);
  const db = await resolveDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    log: (line) => logger.info(line),
  });
  const transport = createTransport(config, logger);
  try {
    await transport.connect();
  } catch (e) {
    await db.embedded?.stop();
    throw e;
  }
  const runtime: CoreRuntime = {
    service: def.service,
    config,
    logger,
    databaseUrl: db.url,
    embedded: db.embedded,
    transport,
    messaging: new MessagingLifecycle(),
  };

  const secret = resolveTokenSecret(config);
  @Module({ imports: [CoreModule.forRoot(runtime), AuthModule.forRoot({ secret }), ...def.modules] })
  class AppModule {}

  let app: NestExpressApplication;
  try {
    app = await NestFactory.create<NestExpressApplication>(AppModule, {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
      abortOnError: false,
    });
  } catch (e) {
    await transport.close().catch(() => undefined);
    await db.embedded?.stop();
    throw e;
  }
  app.use(httpContextMiddleware(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The web app previews chosen attachments through blob: URLs before upload.
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  app.useBodyParser('json', { limit: config.BODY_LIMIT, type: JSON_MEDIA_TYPES });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.use(jsonBodyGuard());
  app.enableCors(
    config.CORS_ORIGINS?.length
      ? {
          origin: config.CORS_ORIGINS,
          credentials: true,
          exposedHeaders: ['x-correlation-id', 'etag', 'retry-after'],
        }
      : { origin: false },
  );
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.useGlobalGuards(new EdgeInputGuard()); // after the token guard: see EdgeInputGuard
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.enableShutdownHooks();

  const document = completeApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(def.title ?? `吹哨报到 · ${def.service}`)
        .setVersion('1')
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  try {
    await def.configure?.(app, config, logger);
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    // A module that refused to start (its bootstrap hook threw): stop what the others started.
    await app.close().catch(() => undefined);
    throw e;
  }
  // Every module is initialised and every handler is on its bus: only now take and publish events.
  await runtime.messaging.start();
  const { port } = app.getHttpServer().address() as { port: number }; // PORT=0 picks a free port (tests)
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${port}`;
  const running: RunningService = { app, url, runtime, close: () => app.close() };
  try {
    await def.beforeReady?.(running, config);
  } catch (e) {
    await app.close().catch(() => undefined);
    throw e;
  }
  return running;
}

/** For `main.ts`: start, print where, and turn known start-up failures into one line and exit 1. */
export async function runMain<E extends BaseEnv>(
  def: ServiceDefinition<E>,
): Promise<RunningService | undefined> {
  try {
    const running = await startService(def);
    running.runtime.logger.info({ url: running.url }, `${def.service} ready at ${running.url}`);
    return running;
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`Configuration error:\n${e.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    } else if (
      e instanceof StartupError ||
      e instanceof KafkaUnreachableError ||
      e instanceof EmbeddedPostgresError
    ) {
      process.stderr.write(`Cannot start ${def.service}: ${e.message}\n`);
    } else {
      process.stderr.write(`Cannot start ${def.service}: ${(e as Error)?.stack ?? String(e)}\n`);
    }
    process.exitCode = 1;
    // Whatever we started (database child, sockets) must not keep the process alive.
    setTimeout(() => process.exit(1), 200).unref();
    return undefined;
  }
}
