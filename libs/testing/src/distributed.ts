import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join, resolve } from 'node:path';

/**
 * Runs services as separate OS processes from the build (dist/), as production does: one per
 * service, sharing one PostgreSQL and one Kafka. Used by end-to-end tests, benchmarks and fault
 * tests, which also kill (SIGKILL) and restart them.
 */
export const SERVICES = ['identity', 'ticket', 'dispatch', 'sla', 'ledger', 'notify'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The V8 flags a service process runs with, as docker/compose.yml gives them (NODE_OPTIONS; ADR
 * 0026, `npm run check:compose` compares the two): the old generation bounded at 192 MB, so a
 * service stays under its 256 MB while its live heap is 40–60 MB. The standalone process, which
 * holds every service, runs without a bound.
 */
export const SERVICE_NODE_FLAGS = ['--max-old-space-size=192'] as const;

// From the sources (jest) libs/testing/src is three levels down; from the build (benchmarks and
// fault scripts run dist/libs/testing/src) it is four.
const above = resolve(__dirname, '../../..');
const root = basename(above) === 'dist' ? resolve(above, '..') : above;

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  pid(): number | undefined;
  output(): string;
  /** SIGKILL: no shutdown hooks, no goodbye. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

/**
 * The environment a service process starts with: `given`, with SERVICE_NODE_FLAGS ahead of any
 * NODE_OPTIONS given, so that flags given (a bench pricing a setting) come later and win. The
 * standalone process gets no bound.
 */
export function serviceProcessEnv(app: string, given: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const flags = app === 'standalone' ? [] : SERVICE_NODE_FLAGS;
  const nodeOptions = [...flags, given.NODE_OPTIONS ?? ''].join(' ').trim();
  return nodeOptions ? { ...given, NODE_OPTIONS: nodeOptions } : given;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

export function builtMain(app: string): string {
  const main = join(root, 'dist', 'apps', app, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build:server first`);
  return main;
}

export async function startServiceProcess(
  app: string,
  env: Record<string, string>,
  opts: { readyTimeoutMs?: number } = {},
): Promise<ServiceProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let out = '';
  const main = builtMain(app);
  const handle: ServiceProcess = {
    name: app,
    port,
    url,
    pid: () => child?.pid,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill(signal);
      await exited;
    },
    start: async () => {
      child = spawn(process.execPath, [main], {
        env: serviceProcessEnv(app, {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...env,
          PORT: String(port),
          HOST: '127.0.0.1',
        }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (c: Buffer) => (out = (out + c.toString()).slice(-20000));
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      const deadline = Date.now() + (opts.readyTimeoutMs ?? 60000);
      while (Date.now() < deadline) {
        if (child.exitCode !== null)
          throw new Error(`${app} exited with ${child.exitCode}: ${out.slice(-2000)}`);
        try {
          const r = await fetch(`${url}/health`);
          if (r.status === 200) return;
        } catch {
          /* not listening yet */
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`${app} did not become healthy on ${url}: ${out.slice(-2000)}`);
    },
  };
  await handle.start();
  return handle;
}

/** Starts the given services (all by default) with a shared environment, in parallel. */
export async function startDistributed(
  env: Record<string, string>,
  services: readonly string[] = SERVICES,
): Promise<Record<string, ServiceProcess>> {
  const started = await Promise.all(services.map((s) => startServiceProcess(s, env)));
  return Object.fromEntries(started.map((p) => [p.name, p]));
}
