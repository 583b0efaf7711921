#!/usr/bin/env node
// Runs a real single-node Apache Kafka broker (KRaft, broker+controller in one JVM) on loopback,
// for integration tests and local development. No Docker, no Kafka tarball: the broker jars come
// from Maven Central via scripts/kafka/pom.xml and are cached outside the repo.
//
//   node scripts/kafka-broker.mjs fetch            download the jars (no-op when cached)
//   node scripts/kafka-broker.mjs start [--fresh]  start (or reuse) the broker, print KAFKA_BROKERS=host:port
//   node scripts/kafka-broker.mjs stop             stop it
//   node scripts/kafka-broker.mjs status           print running/stopped (exit 0/1)
//
// Env: KAFKA_PORT (19092), KAFKA_CONTROLLER_PORT (19093), KAFKA_DATA_DIR (<repo>/.data/kafka),
//      KAFKA_CACHE_DIR (~/.cache/chuishao-kafka/<version>/libs), KAFKA_NUM_PARTITIONS (4),
//      KAFKA_VERSION (3.9.2), KAFKA_START_TIMEOUT_MS (90000).
// Exit codes: 0 ok, 1 failure, 2 usage, 3 java/mvn missing (callers may skip Kafka tests).
//
// stdout carries exactly the KAFKA_BROKERS line so callers can parse it; everything else goes to stderr.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
const EXIT_PREREQ_MISSING = 3;

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(SCRIPT_DIR, '..');
const POM = path.join(SCRIPT_DIR, 'kafka', 'pom.xml');
// First line of every server.properties we write; --fresh only wipes directories that carry it.
const CONFIG_HEADER = '# Written by scripts/kafka-broker.mjs on every start; edits are overwritten.';

function intEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    process.stderr.write(`[kafka-broker] ${name} must be a positive integer, got "${raw}"\n`);
    process.exit(EXIT_USAGE);
  }
  return n;
}

const version = process.env.KAFKA_VERSION || '3.9.2';
const cfg = {
  version,
  port: intEnv('KAFKA_PORT', 19092),
  controllerPort: intEnv('KAFKA_CONTROLLER_PORT', 19093),
  partitions: intEnv('KAFKA_NUM_PARTITIONS', 4),
  startTimeoutMs: intEnv('KAFKA_START_TIMEOUT_MS', 90_000),
  dataDir: path.resolve(process.env.KAFKA_DATA_DIR || path.join(REPO_ROOT, '.data', 'kafka')),
  libsDir: path.resolve(
    process.env.KAFKA_CACHE_DIR || path.join(os.homedir(), '.cache', 'chuishao-kafka', version, 'libs'),
  ),
};
const files = {
  serverProps: path.join(cfg.dataDir, 'server.properties'),
  log4jProps: path.join(cfg.dataDir, 'log4j.properties'),
  pid: path.join(cfg.dataDir, 'kafka.pid'),
  log: path.join(cfg.dataDir, 'kafka.log'),
  lock: path.join(cfg.dataDir, 'start.lock'),
  logDirs: path.join(cfg.dataDir, 'kraft-combined-logs'),
  marker: path.join(cfg.libsDir, '.fetch-complete.json'),
};
const brokersLine = () => `KAFKA_BROKERS=127.0.0.1:${cfg.port}`;

class PrereqError extends Error {}
class StartError extends Error {}

const log = (msg) => process.stderr.write(`[kafka-broker] ${msg}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;

function readText(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- prerequisites

function checkJava() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error)
    throw new PrereqError(`'java' not found on PATH (${r.error.code}); install a JDK 11+ to run Kafka`);
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? Number(m[1] === '1' ? m[2] : m[1]) : NaN;
  if (!(major >= 11))
    throw new PrereqError(
      `Kafka ${cfg.version} needs Java 11+, 'java -version' says: ${r.stderr.split('\n')[0]}`,
    );
}

function checkMaven() {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new PrereqError(
      `'mvn' not found or broken on PATH; Maven is needed once to fetch the Kafka jars into ${cfg.libsDir}`,
    );
  }
}

// ---------------------------------------------------------------- fetch

function libsComplete() {
  try {
    const m = JSON.parse(readFileSync(files.marker, 'utf8'));
    return (
      m.version === cfg.version &&
      m.jars.length > 0 &&
      m.jars.every((j) => existsSync(path.join(cfg.libsDir, j)))
    );
  } catch {
    return false;
  }
}

function fetchLibs() {
  if (libsComplete()) {
    log(`kafka ${cfg.version} jars already cached in ${cfg.libsDir}`);
    return;
  }
  checkJava();
  checkMaven();
  // Download next to the target and rename at the end, so an interrupted fetch never looks complete.
  const tmp = `${cfg.libsDir}.partial-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.dirname(cfg.libsDir), { recursive: true });
  log(`fetching org.apache.kafka:kafka_2.13:${cfg.version} + runtime deps with Maven into ${cfg.libsDir}`);
  log('(first run downloads ~70 MB into ~/.m2; later runs reuse it)');
  const t0 = Date.now();
  const r = spawnSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      POM,
      'dependency:copy-dependencies',
      `-Dkafka.version=${cfg.version}`,
      `-DoutputDirectory=${tmp}`,
    ],
    // Captured rather than inherited: stdout is reserved for the KAFKA_BROKERS line, and Maven 3.8
    // prints stray ANSI resets even with -q -B.
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  // eslint-disable-next-line no-control-regex
  const mavenOutput = `${r.stdout ?? ''}${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '').trim();
  if (mavenOutput) log(mavenOutput);
  if (r.error || r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `maven failed (${r.error ? r.error.message : `exit ${r.status}`}) while fetching Kafka ${cfg.version}`,
    );
  }
  const jars = readdirSync(tmp)
    .filter((f) => f.endsWith('.jar'))
    .sort();
  if (!jars.includes(`kafka_2.13-${cfg.version}.jar`)) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `maven finished but kafka_2.13-${cfg.version}.jar is not among the ${jars.length} jars it copied`,
    );
  }
  rmSync(cfg.libsDir, { recursive: true, force: true });
  try {
    renameSync(tmp, cfg.libsDir);
  } catch (e) {
    // A concurrent fetch may have won the race; its result is just as good.
    rmSync(tmp, { recursive: true, force: true });
    if (!libsComplete()) throw e;
  }
  writeFileSync(
    files.marker,
    `${JSON.stringify({ version: cfg.version, jars, fetchedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  log(`fetched ${jars.length} jars in ${seconds(t0)}`);
}

// ---------------------------------------------------------------- process helpers

function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  // A killed broker whose parent never reaps it lingers as a zombie, which kill(0) still "finds".
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) {
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  }
  return true;
}

// Guards against a stale pid file whose pid now belongs to some unrelated process.
function isOurBroker(pid) {
  if (!isAlive(pid)) return false;
  const cmdline = readText(`/proc/${pid}/cmdline`);
  if (cmdline === null) return true; // no procfs (macOS): trust the pid file
  return cmdline.includes('kafka.Kafka') && cmdline.includes(files.serverProps);
}

function readPid() {
  const pid = Number.parseInt(readText(files.pid) ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the broker leads its own process group (detached spawn)
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

async function waitForExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(200);
  }
  return !isAlive(pid);
}

function portFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function logTail(lines = 40) {
  const text = readText(files.log);
  if (text === null) return `(no broker log at ${files.log})`;
  if (text.trim() === '') return '(broker log is empty: the JVM printed nothing before it was stopped)';
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

// Serialises concurrent `start`s on one data dir (e.g. two jest runs), which would otherwise spawn
// a second JVM that dies on the port/log-dir lock and overwrites the pid file of the real one.
async function withStartLock(fn) {
  mkdirSync(cfg.dataDir, { recursive: true });
  const deadline = Date.now() + cfg.startTimeoutMs + 10 * 60_000; // the holder may be doing a cold fetch
  let announced = false;
  for (;;) {
    try {
      writeFileSync(files.lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const owner = Number.parseInt(readText(files.lock) ?? '', 10);
    let ageMs = 0;
    try {
      ageMs = Date.now() - statSync(files.lock).mtimeMs;
    } catch {
      continue; // released between our attempts
    }
    // An empty lock is one being written right now, unless it has been empty for a while.
    const stale = owner > 0 ? !isAlive(owner) : ageMs > 10_000;
    if (stale) {
      rmSync(files.lock, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${files.lock} (held by pid ${owner})`);
    if (!announced) log(`another start (pid ${owner}) holds ${files.lock}; waiting for it`);
    announced = true;
    await sleep(500);
  }
  try {
    return await fn();
  } finally {
    rmSync(files.lock, { force: true });
  }
}

// ---------------------------------------------------------------- broker probing

let kafkajs;
function loadKafkajs() {
  if (!kafkajs) {
    try {
      kafkajs = createRequire(import.meta.url)('kafkajs');
    } catch {
      throw new Error('kafkajs is not installed (run npm ci at the repo root)');
    }
  }
  return kafkajs;
}

async function probe(port) {
  const { Kafka, logLevel } = loadKafkajs();
  const kafka = new Kafka({
    clientId: 'kafka-broker-probe',
    brokers: [`127.0.0.1:${port}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 3000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) throw new Error('cluster reports no brokers yet');
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function waitUntilAnswering(pid) {
  const deadline = Date.now() + cfg.startTimeoutMs;
  let lastError = 'no attempt yet';
  while (Date.now() < deadline) {
    if (!isAlive(pid)) throw new StartError(`broker process ${pid} exited during startup`);
    try {
      await probe(cfg.port);
      return;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    await sleep(500);
  }
  throw new StartError(
    `broker did not answer on 127.0.0.1:${cfg.port} within ${cfg.startTimeoutMs / 1000}s (last error: ${lastError})`,
  );
}

// ---------------------------------------------------------------- config + format

function writeConfigs() {
  const p = cfg.port;
  const c = cfg.controllerPort;
  writeFileSync(
    files.serverProps,
    [
      CONFIG_HEADER,
      'process.roles=broker,controller',
      'node.id=1',
      // A static single voter: no dynamic-quorum (KIP-853) bootstrapping needed when formatting.
      `controller.quorum.voters=1@127.0.0.1:${c}`,
      `listeners=PLAINTEXT://127.0.0.1:${p},CONTROLLER://127.0.0.1:${c}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${p}`,
      'inter.broker.listener.name=PLAINTEXT',
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      `log.dirs=${files.logDirs}`,
      `num.partitions=${cfg.partitions}`,
      'default.replication.factor=1',
      'min.insync.replicas=1',
      'offsets.topic.replication.factor=1',
      'transaction.state.log.replication.factor=1',
      'transaction.state.log.min.isr=1',
      'auto.create.topics.enable=true',
      // Tests create consumer groups constantly; the 3 s default delay would slow every one of them.
      'group.initial.rebalance.delay.ms=0',
      '',
    ].join('\n'),
  );
  writeFileSync(
    files.log4jProps,
    [
      '# Stdout of the broker JVM is redirected to kafka.log in this directory.',
      'log4j.rootLogger=WARN, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      '# Keeps the "Kafka Server started" line so the log shows when the broker came up.',
      'log4j.logger.kafka.server.KafkaRaftServer=INFO',
      '',
    ].join('\n'),
  );
}

// Kafka's Uuid format: 16 random bytes, base64url without padding. Kafka's own generator also
// avoids a leading '-', which CLI parsers would take for an option.
function randomClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function javaBaseArgs() {
  return [`-Dlog4j.configuration=file:${files.log4jProps}`, '-cp', `${cfg.libsDir}${path.sep}*`];
}

function formatIfNeeded() {
  if (existsSync(path.join(files.logDirs, 'meta.properties'))) return;
  const clusterId = randomClusterId();
  log(`formatting ${files.logDirs} (cluster id ${clusterId})`);
  const r = spawnSync(
    'java',
    [...javaBaseArgs(), 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', files.serverProps],
    { encoding: 'utf8' },
  );
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error || r.status !== 0) {
    throw new Error(
      `kafka.tools.StorageTool format failed (${r.error ? r.error.message : `exit ${r.status}`}):\n${output}`,
    );
  }
  if (output) log(output);
}

// ---------------------------------------------------------------- commands

function wipeDataDir() {
  if (!existsSync(cfg.dataDir)) return;
  const entries = readdirSync(cfg.dataDir).filter((e) => e !== path.basename(files.lock));
  if (entries.length === 0) return;
  // KAFKA_DATA_DIR can be anything; only delete what is recognisably ours.
  if (!(readText(files.serverProps) ?? '').startsWith(CONFIG_HEADER)) {
    throw new Error(`refusing --fresh: ${cfg.dataDir} does not look like a kafka-broker.mjs data dir`);
  }
  log(`--fresh: wiping ${cfg.dataDir}`);
  for (const e of entries) rmSync(path.join(cfg.dataDir, e), { recursive: true, force: true });
}

function configuredPort() {
  const m = /^advertised\.listeners=PLAINTEXT:\/\/[^:]+:(\d+)/m.exec(readText(files.serverProps) ?? '');
  return m ? Number(m[1]) : null;
}

async function start({ fresh }) {
  checkJava();
  let started = false;
  await withStartLock(async () => {
    if (fresh) {
      await stop();
      wipeDataDir();
    }
    const existing = readPid();
    if (existing && isOurBroker(existing)) {
      const running = configuredPort();
      if (running !== null && running !== cfg.port) {
        throw new Error(
          `a broker for ${cfg.dataDir} is already running on port ${running} (pid ${existing}); stop it first`,
        );
      }
      log(`already running (pid ${existing})`);
      try {
        await waitUntilAnswering(existing);
      } catch (e) {
        if (e instanceof StartError) e.message += `; it is still running, use 'stop' to kill it`;
        throw e;
      }
      return;
    }
    if (existing) log(`removing stale pid file (pid ${existing} is not a running broker)`);
    rmSync(files.pid, { force: true });

    fetchLibs();
    for (const port of [cfg.port, cfg.controllerPort]) {
      if (!(await portFree(port))) {
        throw new Error(
          `127.0.0.1:${port} is already in use by another process; set KAFKA_PORT / KAFKA_CONTROLLER_PORT`,
        );
      }
    }
    writeConfigs();
    formatIfNeeded();

    const t0 = Date.now();
    const out = openSync(files.log, 'w');
    const child = spawn(
      'java',
      [
        '-Xms256m',
        '-Xmx512m',
        '-XX:+UseG1GC',
        '-XX:MaxGCPauseMillis=20',
        '-Djava.awt.headless=true',
        ...javaBaseArgs(),
        'kafka.Kafka',
        files.serverProps,
      ],
      // Own process group + no pipes to us: the broker outlives this script and `stop` can signal the group.
      { cwd: cfg.dataDir, detached: true, stdio: ['ignore', out, out] },
    );
    closeSync(out);
    child.unref();
    if (!child.pid) throw new Error('failed to spawn java');
    writeFileSync(files.pid, `${child.pid}\n`);
    log(`started broker pid ${child.pid}, waiting for 127.0.0.1:${cfg.port} (log: ${files.log})`);
    try {
      await waitUntilAnswering(child.pid);
    } catch (e) {
      // Don't leave a half-started JVM holding the ports and the data dir.
      signalGroup(child.pid, 'SIGKILL');
      await waitForExit(child.pid, 5000);
      rmSync(files.pid, { force: true });
      throw e;
    }
    log(`broker answering after ${seconds(t0)}`);
    started = true;
  });
  // Machine-readable hint for libs/testing/src/kafka-broker.ts (stdout stays a single line).
  process.stderr.write(`KAFKA_BROKER_STARTED=${started}\n`);
  process.stdout.write(`${brokersLine()}\n`);
}

async function stop() {
  const pid = readPid();
  if (!pid || !isOurBroker(pid)) {
    if (pid) log(`pid ${pid} from ${files.pid} is not a running broker; removing the pid file`);
    rmSync(files.pid, { force: true });
    log('not running');
    return;
  }
  const t0 = Date.now();
  log(`stopping broker pid ${pid}`);
  signalGroup(pid, 'SIGTERM');
  if (!(await waitForExit(pid, 30_000))) {
    log('no exit within 30s of SIGTERM; sending SIGKILL');
    signalGroup(pid, 'SIGKILL');
    if (!(await waitForExit(pid, 10_000))) throw new Error(`broker pid ${pid} survived SIGKILL`);
  }
  rmSync(files.pid, { force: true });
  log(`stopped in ${seconds(t0)}`);
}

async function status() {
  const pid = readPid();
  if (!pid || !isOurBroker(pid)) {
    process.stdout.write('stopped\n');
    return false;
  }
  let answering = true;
  try {
    await probe(cfg.port);
  } catch {
    answering = false;
  }
  process.stdout.write(
    `running pid=${pid} ${answering ? brokersLine() : `(not answering on 127.0.0.1:${cfg.port} yet)`}\n`,
  );
  return true;
}

async function main() {
  const args = process.argv.slice(2);
  const command = args.find((a) => !a.startsWith('-'));
  const fresh = args.includes('--fresh');
  switch (command) {
    case 'fetch':
      fetchLibs();
      return 0;
    case 'start':
      await start({ fresh });
      return 0;
    case 'stop':
      await stop();
      return 0;
    case 'status':
      return (await status()) ? 0 : 1;
    default:
      process.stderr.write('usage: node scripts/kafka-broker.mjs fetch|start [--fresh]|stop|status\n');
      return EXIT_USAGE;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof PrereqError) {
      log(`cannot run Kafka: ${e.message}`);
      process.exit(EXIT_PREREQ_MISSING);
    }
    log(`error: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof StartError)
      process.stderr.write(`----- last 40 lines of ${files.log} -----\n${logTail(40)}\n`);
    process.exit(EXIT_FAILURE);
  },
);
