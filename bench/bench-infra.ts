import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDatabase, startEmbeddedPostgres } from '@ticketing/database';

/** Shared by the benchmarks: a real PostgreSQL and (when it can be had) a real Kafka broker. */
export const repoRoot = resolve(__dirname, '../..'); // dist/bench → repo

export async function benchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({ dataDir: join(repoRoot, '.data', 'bench-postgres') });
  await ensureDatabase(pg.url, name);
  const admin = pg.url(name);
  // A server adopted from another run belongs to that run: leave it up for it.
  return { url: admin, stop: () => (pg.adopted ? Promise.resolve() : pg.stop()) };
}

export function benchKafka(): { brokers: string[] | null; reason?: string; stop: () => void } {
  if (process.env.KAFKA_BROKERS)
    return { brokers: process.env.KAFKA_BROKERS.split(','), stop: () => undefined };
  const env = {
    ...process.env,
    KAFKA_PORT: process.env.BENCH_KAFKA_PORT ?? '39092',
    KAFKA_CONTROLLER_PORT: process.env.BENCH_KAFKA_CONTROLLER_PORT ?? '39093',
    KAFKA_DATA_DIR: join(repoRoot, '.data', 'bench-kafka'),
  };
  const script = join(repoRoot, 'scripts', 'kafka-broker.mjs');
  const r = spawnSync(process.execPath, [script, 'start', '--fresh'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const m = /KAFKA_BROKERS=(\S+)/.exec(r.stdout ?? '');
  if (r.status !== 0 || !m)
    return { brokers: null, reason: `no Kafka broker (exit ${r.status})`, stop: () => undefined };
  return {
    brokers: [m[1]],
    stop: () => void spawnSync(process.execPath, [script, 'stop'], { env, stdio: 'inherit' }),
  };
}

/** Runs one statement and gives its rows; each bench passes its own client's. */
export type BenchQuery = <T>(sql: string) => Promise<T[]>;

/** The schemas that have an outbox: every service's. */
export async function outboxSchemas(query: BenchQuery): Promise<string[]> {
  return (
    await query<{ s: string }>(
      `SELECT table_schema AS s FROM information_schema.tables WHERE table_name = 'outbox' ORDER BY 1`,
    )
  ).map((r) => r.s);
}

/**
 * Events not yet published, over every outbox. With the in-process transport an event is marked
 * published once every consumer group has applied it; with Kafka, once the broker has it.
 */
export async function unpublishedEvents(query: BenchQuery, schemas: string[]): Promise<number> {
  const sql = `/* bench */ SELECT (${schemas
    .map((s) => `(SELECT count(*) FROM "${s}".outbox WHERE published_at IS NULL)`)
    .join(' + ')})::int AS n`;
  return (await query<{ n: number }>(sql))[0].n;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function writeResults(name: string, results: unknown, markdown: string): void {
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(dir, `${name}.md`), markdown + '\n');
}

export const progress = (line: string) => process.stderr.write(`[bench] ${line}\n`);
