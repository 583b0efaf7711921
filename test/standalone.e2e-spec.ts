/**
 * `npm start` as a user runs it: the built standalone process, its own embedded PostgreSQL in a
 * fresh DATA_DIR, the local transport. Also: what an operator sees when the configuration is wrong.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { eventually } from '@ticketing/testing';

const root = resolve(__dirname, '..');
const main = join(root, 'dist/apps/standalone/src/main.js');

function freshDataDir(): string {
  // Not under /root or the repo's .data: the embedded server runs as the postgres user when we are root.
  const dir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'chuishao-e2e-'));
  execFileSync('chmod', ['755', dir]);
  return dir;
}

interface Run {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal's name when it ended by one (Nest re-raises SIGTERM after closing). */
  exited: Promise<number | string | null>;
}

function start(env: Record<string, string>): Run {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'DATA_DIR', 'JWT_SECRET'].includes(k),
    ),
  );
  const child = spawn(process.execPath, [main], {
    // Start-up itself, without replaying the demo quarter (apps/standalone/test/demo-quarter.int-spec.ts does).
    env: { ...clean, LOG_LEVEL: 'info', SEED_DEMO_QUARTER: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | string | null>((r) =>
    child.on('exit', (code, signal) => r(code ?? signal)),
  );
  return { child, output: () => out, exited };
}

async function freePort(): Promise<number> {
  const srv: Server = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

async function stop(run: Run): Promise<number | string | null> {
  if (run.child.exitCode === null) run.child.kill('SIGTERM');
  return run.exited;
}

describe('npm start (the standalone process)', () => {
  beforeAll(() => {
    if (!existsSync(main)) execFileSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  });

  it('starts on a bare machine, answers /health as healthy, and a second start reuses the data', async () => {
    const dataDir = freshDataDir();
    const port = await freePort();
    try {
      const first = start({ PORT: String(port), DATA_DIR: dataDir });
      const healthy = await eventually(
        async () => {
          try {
            const r = await fetch(`http://127.0.0.1:${port}/health`);
            return r.status === 200
              ? ((await r.json()) as { status: string; checks: Record<string, unknown> })
              : undefined;
          } catch {
            return undefined;
          }
        },
        90000,
        250,
      );
      expect(healthy?.status).toBe('ok');
      expect(Object.keys(healthy!.checks)).toEqual(
        expect.arrayContaining([
          'transport',
          'database:ticket',
          'database:identity',
          'database:dispatch',
          'database:sla',
          'database:ledger',
          'database:notify',
        ]),
      );
      expect(first.output()).toContain(`ready at http://127.0.0.1:${port}`);
      expect(first.output()).toContain('initialising a PostgreSQL cluster');
      expect([0, 'SIGTERM']).toContain(await stop(first));
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false); // stopped cleanly with us

      const second = start({ PORT: String(port), DATA_DIR: dataDir });
      await eventually(() => second.output().includes('ready at'), 60000, 100);
      expect(second.output()).not.toContain('initialising a PostgreSQL cluster');
      const r = await fetch(`http://127.0.0.1:${port}/health`);
      expect(r.status).toBe(200);
      expect([0, 'SIGTERM']).toContain(await stop(second));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  const badStarts: [string, Record<string, string>, RegExp][] = [
    [
      'a malformed DATABASE_URL',
      { DATABASE_URL: 'postgres:/broken' },
      /^Configuration error:\n {2}- DATABASE_URL: DATABASE_URL must look like postgres:\/\/user:password@host:5432\/database\n$/,
    ],
    [
      'an unreachable KAFKA_BROKERS',
      { KAFKA_BROKERS: '127.0.0.1:1' },
      /^Cannot start standalone: KAFKA_BROKERS=127\.0\.0\.1:1 is unreachable: .+\n$/,
    ],
    [
      'a malformed PORT',
      { PORT: 'http' },
      /^Configuration error:\n {2}- PORT: PORT must be a whole number between 0 and 65535 \(0: any free port\)\n$/,
    ],
  ];
  it.each(badStarts)('stops with one clear message for %s', async (_name, env, expected) => {
    const dataDir = freshDataDir();
    try {
      const run = start({ PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(expected);
      expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with one clear message when the port is busy', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', () => r()));
    const port = (blocker.address() as { port: number }).port;
    const dataDir = freshDataDir();
    try {
      const run = start({ PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      expect(await run.exited).toBe(1);
      expect(run.output()).toBe(
        `Cannot start standalone: PORT=${port} is already in use on 0.0.0.0; stop the other process or set PORT to a free port\n`,
      );
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
