import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, ServiceProcess, startServiceProcess } from '@ticketing/testing';
import { Client } from 'pg';
import { Routes } from './driver';
import type { HeapFigures } from './heap-hook';
import { sleep } from './http';

/** The system under load: the standalone process, or one process per service on Kafka, both from dist/. */
export interface RunningSystem {
  kind: 'standalone' | 'distributed';
  routes: Routes;
  services: Record<string, ServiceProcess>;
  stop(): Promise<void>;
}

export const JWT_SECRET = 'load-bench-secret-'.padEnd(48, 'x');

export function serviceEnv(
  databaseUrl: string,
  dataDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    JWT_SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The limits protect a park from a runaway client; the load comes from 20 enterprise users at up to 1,000/s.
    TICKET_SUBMIT_PER_MINUTE: '10000',
    LOGIN_RATE_LIMIT: '10000',
    // Load on an empty system: the demo directory's users, not the demo quarter's tickets.
    SEED_DEMO_QUARTER: 'false',
    ...extra,
  };
}

export async function startStandalone(env: Record<string, string>): Promise<RunningSystem> {
  const p = await startServiceProcess('standalone', env, { readyTimeoutMs: 120000 });
  return {
    kind: 'standalone',
    routes: { identity: p.url, ticket: p.url, ledger: p.url, sla: p.url },
    services: { standalone: p },
    stop: () => p.kill('SIGTERM'),
  };
}

export async function startDistributedSystem(env: Record<string, string>): Promise<RunningSystem> {
  // One after the other: every service migrates its own schema, and six JVM-less Node starts at once
  // on two cores only make each slower.
  const services: Record<string, ServiceProcess> = {};
  for (const s of SERVICES)
    services[s] = await startServiceProcess(s, { ...env, LOAD_PROFILE_NAME: s }, { readyTimeoutMs: 120000 });
  return {
    kind: 'distributed',
    routes: {
      identity: services.identity.url,
      ticket: services.ticket.url,
      ledger: services.ledger.url,
      sla: services.sla.url,
    },
    services,
    stop: async () => {
      await Promise.all(Object.values(services).map((p) => p.kill('SIGTERM')));
    },
  };
}

export async function freshDatabase(serverUrl: (db: string) => string, name: string): Promise<string> {
  const c = new Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  await c.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [name],
  );
  await c.query(`DROP DATABASE IF EXISTS "${name}"`);
  await c.query(`CREATE DATABASE "${name}" ENCODING 'UTF8' TEMPLATE template0`);
  await c.end();
  return serverUrl(name);
}

/** The ticket service learns the directory through events: wait until it knows the demo enterprises. */
export async function waitForDirectory(
  databaseUrl: string,
  enterprises: number,
  timeoutMs = 120000,
): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      const n = await c
        .query(`SELECT count(*)::int AS n FROM ticket.directory_enterprises`)
        .then((r) => r.rows[0].n as number)
        .catch(() => 0);
      if (n >= enterprises) return;
      await sleep(300);
    }
    throw new Error(`ticket never learnt ${enterprises} enterprises from the directory`);
  } finally {
    await c.end();
  }
}

export const profileHook = join(__dirname, 'profile-hook.js');
export const heapHook = join(__dirname, 'heap-hook.js');

/**
 * The hooks every service of a bench run preloads: heap-hook.ts always (into heapDir), the CPU
 * profiler's when a profile is asked for, then the flags the bench was given to price.
 */
export function hookEnv(
  heapDir: string,
  profile: { dir: string; name: string } | null,
  flags: string,
): Record<string, string> {
  return {
    NODE_OPTIONS: [
      `--require ${heapHook}`,
      ...(profile ? [`--require ${profileHook}`] : []),
      ...(flags ? [flags] : []),
    ].join(' '),
    LOAD_HEAP_DIR: heapDir,
    ...(profile ? { LOAD_PROFILE_DIR: profile.dir, LOAD_PROFILE_NAME: profile.name } : {}),
  };
}

/** What heap-hook.ts last wrote for a process, or undefined when it wrote nothing. */
export function readHeapFigures(dir: string, pid: number | undefined): HeapFigures | undefined {
  if (pid === undefined) return undefined;
  try {
    return JSON.parse(readFileSync(join(dir, `${pid}.json`), 'utf8')) as HeapFigures;
  } catch {
    return undefined;
  }
}
