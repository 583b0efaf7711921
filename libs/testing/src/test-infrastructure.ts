import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@ticketing/database';
import { ensureKafkaBroker } from './kafka-broker';

/**
 * The real PostgreSQL and Kafka that integration and end-to-end suites run against. Started once
 * per test run (jest global setup) and passed to the workers through the environment:
 *   TEST_PG_SERVER      postgres://…/  (a server; each suite makes its own database)
 *   TEST_KAFKA_BROKERS  host:port      (absent when Kafka suites must be skipped)
 */
export const TEST_ENV = {
  pgServer: 'TEST_PG_SERVER',
  kafkaBrokers: 'TEST_KAFKA_BROKERS',
  kafkaSkipReason: 'TEST_KAFKA_SKIP_REASON',
} as const;

const repoRoot = resolve(__dirname, '../../..');

export async function setUpTestInfrastructure(): Promise<void> {
  if (!process.env[TEST_ENV.pgServer]) {
    if (process.env.TEST_DATABASE_URL) {
      process.env[TEST_ENV.pgServer] = process.env.TEST_DATABASE_URL.replace(/\/[^/]*$/, '/');
    } else {
      const dataDir = join(repoRoot, '.data', 'test-postgres');
      mkdirSync(dataDir, { recursive: true });
      const pg = await startEmbeddedPostgres({
        dataDir,
        // Durability buys nothing in tests; speed does.
        settings: {
          fsync: 'off',
          synchronous_commit: 'off',
          full_page_writes: 'off',
          max_connections: '400',
        },
      });
      process.env[TEST_ENV.pgServer] = pg.url('');
    }
  }

  if (!process.env[TEST_ENV.kafkaBrokers] && !process.env[TEST_ENV.kafkaSkipReason]) {
    if (process.env.KAFKA_BROKERS) {
      process.env[TEST_ENV.kafkaBrokers] = process.env.KAFKA_BROKERS;
    } else {
      const opts = {
        port: Number(process.env.TEST_KAFKA_PORT ?? 29092),
        controllerPort: Number(process.env.TEST_KAFKA_CONTROLLER_PORT ?? 29093),
        dataDir: join(repoRoot, '.data', 'test-kafka'),
        // Never wipe here: other test runs may be using the broker. `npm test` starts it fresh.
        fresh: false,
      };
      const result = await ensureKafkaBroker(opts);
      if (result.brokers !== null) {
        process.env[TEST_ENV.kafkaBrokers] = result.brokers;
      } else if ('reason' in result) {
        if (process.env.REQUIRE_KAFKA === '1') {
          throw new Error(`REQUIRE_KAFKA=1 but no Kafka broker could be started: ${result.reason}`);
        }
        process.env[TEST_ENV.kafkaSkipReason] = result.reason;
        process.stderr.write(`\n[tests] Kafka suites will be skipped: ${result.reason}\n`);
      }
    }
  }
}

/**
 * The servers outlive one jest run on purpose: concurrent runs share them, and the next run adopts
 * them in a second instead of starting anew. `npm test` (scripts/test.mjs) stops them at its end.
 */
export async function tearDownTestInfrastructure(): Promise<void> {}

/** A fresh, empty database for one suite; drop it with the returned function. */
export async function createTestDatabase(prefix = 't'): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = process.env[TEST_ENV.pgServer];
  if (!server) throw new Error('TEST_PG_SERVER is not set: run the suite through jest with the global setup');
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.toLowerCase();
  const admin = new Client({ connectionString: `${server}postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  return {
    url: `${server}${name}`,
    drop: async () => {
      const c = new Client({ connectionString: `${server}postgres` });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testKafkaBrokers(): string[] | undefined {
  return process.env[TEST_ENV.kafkaBrokers]?.split(',');
}

/** `describe` when a Kafka broker is available, otherwise a skipped describe that says why. */
export const describeWithKafka = (name: string, fn: () => void): void => {
  if (testKafkaBrokers()) {
    describe(name, fn);
  } else {
    describe.skip(`${name} (skipped: ${process.env[TEST_ENV.kafkaSkipReason] ?? 'no Kafka broker'})`, fn);
  }
};
