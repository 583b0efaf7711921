/**
 * npm run bench — the whole system under an open-loop load, in two setups: the standalone process
 * (embedded PostgreSQL, in-process transport) and one process per service on PostgreSQL + Kafka.
 *
 * A ramp of arrival rates finds the highest rate the system sustains (submit and full lifecycle);
 * once the ramp's backlog is worked off, a steady phase at half the 1,000/s target (or half the
 * sustained rate when lower) measures submit → department queue and action → ledger latency. In
 * the same run the machine's ceiling is taken on the same servers: pgbench single-row INSERTs on
 * the PostgreSQL, and a produce → consume round trip on the Kafka broker.
 *
 * Env: LOAD_SETUPS (standalone,distributed), LOAD_RAMP (rates/s, comma-separated), LOAD_STEP_S (10),
 * LOAD_STEADY_S (20), LOAD_PROFILE (1: profile the busiest service during the steady phase),
 * LOAD_NODE_FLAGS (flags for every service process, e.g. `--max-old-space-size=160`, to price them).
 * Every service preloads heap-hook.ts: the process table prints its live heap beside its peak RSS.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  BenchQuery,
  outboxSchemas,
  percentile,
  progress,
  repoRoot,
  unpublishedEvents,
  writeResults,
} from '../bench-infra';
import { LoadDriver, TicketRun } from './driver';
import { sleep } from './http';
import {
  KafkaRoundTrip,
  kafkaRoundTrip,
  pgbenchInsertCeiling,
  PgbenchFigures,
  ProcessFigures,
  ProcessMonitor,
  round1,
  startKafka,
  startPostgres,
} from './infra';
import { Hotspot, summariseProfile } from './profile';
import {
  freshDatabase,
  hookEnv,
  readHeapFigures,
  RunningSystem,
  serviceEnv,
  startDistributedSystem,
  startStandalone,
  waitForDirectory,
} from './system';

const SETUPS = (process.env.LOAD_SETUPS ?? 'standalone,distributed').split(',').map((s) => s.trim());
const RAMP = (process.env.LOAD_RAMP ?? '25,50,100,150,200,300,400,500,700,1000').split(',').map(Number);
const STEP_S = Number(process.env.LOAD_STEP_S ?? 10);
const STEADY_S = Number(process.env.LOAD_STEADY_S ?? 20);
/** V8 or Node flags for every service process (e.g. a heap bound), to price a setting. */
const NODE_FLAGS = process.env.LOAD_NODE_FLAGS ?? '';
const PROFILE = process.env.LOAD_PROFILE !== '0';
const TARGET = 1000;
const POLL_MS = 50;
/** How long the ramp's backlog may take to be worked off before the steady phase starts anyway. */
const SETTLE_MS = 120_000;

interface Step {
  offered: number;
  submittedPerSecond: number;
  submitP99Ms: number;
  visibleWithin2sPerSecond: number;
  closedWithin30sPerSecond: number;
  sustained: boolean;
  lifecycleSustained: boolean;
}

interface SetupResult {
  setup: string;
  ramp: Step[];
  sustainedSubmitPerSecond: number;
  sustainedLifecyclePerSecond: number;
  steady: {
    rate: number;
    seconds: number;
    submitted: number;
    closed: number;
    lifecyclePerSecond: number;
    submitP50Ms: number;
    submitP99Ms: number;
    queueServerP50Ms: number; // ticket.submitted → ticket.assigned written (ticket's outbox)
    queueServerP99Ms: number;
    queueObservedP50Ms: number; // 201 → seen by the department's poll (every 50 ms)
    queueObservedP99Ms: number;
    lifecycleP50Ms: number;
    lifecycleP99Ms: number;
  } | null;
  /** Seconds from the ramp's last ticket leaving the driver until no outbox held an unpublished event. */
  backlogAfterRampSeconds: number | null;
  ledger: { type: string; count: number; p50Ms: number; p99Ms: number }[];
  ledgerCoverage: { events: number; inLedger: number };
  counters: Record<string, number>;
  errorSamples: string[];
  processes: ProcessFigures[];
  profile?: { process: string; windowMs: number; frames: Hotspot[]; packages: Hotspot[] };
}

const p = (xs: number[], q: number) =>
  round1(
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    ),
  );

async function openLoop(
  driver: LoadDriver,
  rate: number,
  seconds: number,
  label: string,
): Promise<{ from: number; to: number }> {
  const from = performance.now();
  let sent = 0;
  let lastReport = from;
  let acceptedAtReport = driver.counters.accepted;
  let closedAtReport = driver.counters.closed;
  for (;;) {
    const now = performance.now();
    const elapsed = (now - from) / 1000;
    if (elapsed >= seconds) break;
    const due = Math.floor(elapsed * rate);
    while (sent < due) {
      driver.arrive();
      sent++;
    }
    if (now - lastReport >= 2000) {
      const dt = (now - lastReport) / 1000;
      const c = driver.counters;
      progress(
        `${label} ${rate}/s t=${elapsed.toFixed(0)}s: accepted ${((c.accepted - acceptedAtReport) / dt).toFixed(0)}/s, closed ${((c.closed - closedAtReport) / dt).toFixed(0)}/s, in flight ${driver.inFlight}, 5xx ${c.serverErrors}, conn errors ${c.connectionErrors}`,
      );
      lastReport = now;
      acceptedAtReport = c.accepted;
      closedAtReport = c.closed;
    }
    await sleep(5);
  }
  return { from, to: performance.now() };
}

function evaluate(runs: TicketRun[], offered: number, seconds: number): Step {
  const submitted = runs.filter((r) => r.submitMs !== undefined && r.submitMs < 2000).length / seconds;
  const submitLat = runs.map((r) => (r.submitMs === undefined ? 60000 : r.submitMs));
  const visible =
    runs.filter(
      (r) => r.visibleAt !== undefined && r.acceptedAt !== undefined && r.visibleAt - r.acceptedAt < 2000,
    ).length / seconds;
  const closed =
    runs.filter((r) => r.closedAt !== undefined && r.closedAt - r.arrivedAt < 30000).length / seconds;
  const submitP99Ms = p(submitLat, 99);
  const sustained = submitted >= 0.95 * offered && submitP99Ms < 1000 && visible >= 0.95 * offered;
  return {
    offered,
    submittedPerSecond: round1(submitted),
    submitP99Ms,
    visibleWithin2sPerSecond: round1(visible),
    closedWithin30sPerSecond: round1(closed),
    sustained,
    lifecycleSustained: sustained && closed >= 0.95 * offered,
  };
}

async function drain(driver: LoadDriver, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  while (driver.inFlight > 0 && Date.now() < end) {
    progress(`draining: ${driver.inFlight} tickets still in flight`);
    await sleep(2000);
  }
}

/**
 * Until no outbox holds an unpublished event, or SETTLE_MS: the ramp's backlog is worked off before
 * the steady phase, so that the steady phase measures the steady rate and not the drain of what the
 * ramp left queued. Seconds waited, or null when the backlog outlasted SETTLE_MS.
 */
async function settleOutboxes(databaseUrl: string): Promise<number | null> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  const query: BenchQuery = (sql) => c.query(sql).then((r) => r.rows);
  const started = Date.now();
  try {
    const schemas = await outboxSchemas(query);
    for (;;) {
      const pending = await unpublishedEvents(query, schemas);
      if (pending === 0) return round1((Date.now() - started) / 1000);
      if (Date.now() - started > SETTLE_MS) {
        progress(`${pending} events still unpublished after ${SETTLE_MS} ms; the steady phase starts anyway`);
        return null;
      }
      progress(`settling: ${pending} events not yet published`);
      await sleep(1000);
    }
  } finally {
    await c.end();
  }
}

async function ledgerFigures(databaseUrl: string, ids: string[]) {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const schemas: string[] = (
      await c.query(
        `SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema <> 'ledger'`,
      )
    ).rows.map((r) => r.table_schema);
    const outboxCount = async () => {
      let n = 0;
      for (const s of schemas)
        n += (await c.query(`SELECT count(*)::int AS n FROM "${s}".outbox WHERE key = ANY($1)`, [ids]))
          .rows[0].n;
      return n;
    };
    const ledgerCount = async () =>
      (await c.query(`SELECT count(*)::int AS n FROM ledger.entries WHERE ticket_id = ANY($1)`, [ids]))
        .rows[0].n as number;
    // The ledger may trail the load: wait (bounded) until it holds every event of these tickets.
    let events = await outboxCount();
    let inLedger = await ledgerCount();
    const end = Date.now() + 60000;
    while (inLedger < events && Date.now() < end) {
      progress(`ledger catching up: ${inLedger}/${events} entries`);
      await sleep(2000);
      events = await outboxCount();
      inLedger = await ledgerCount();
    }
    const rows = (
      await c.query(
        `SELECT type, count(*)::int AS count,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
           FROM (SELECT type, extract(epoch FROM recorded_at - occurred_at) * 1000 AS ms FROM ledger.entries WHERE ticket_id = ANY($1)) x
          GROUP BY type ORDER BY count(*) DESC, type`,
        [ids],
      )
    ).rows.map((r) => ({
      type: r.type as string,
      count: r.count as number,
      p50Ms: round1(Number(r.p50)),
      p99Ms: round1(Number(r.p99)),
    }));
    const queue = (
      await c.query(
        `SELECT extract(epoch FROM a.created_at - s.created_at) * 1000 AS ms
           FROM ticket.outbox s JOIN ticket.outbox a ON a.key = s.key AND a.type = 'ticket.assigned'
          WHERE s.type = 'ticket.submitted' AND s.key = ANY($1)`,
        [ids],
      )
    ).rows.map((r) => Number(r.ms));
    return { rows, queue, coverage: { events, inLedger } };
  } finally {
    await c.end();
  }
}

async function runSetup(
  kind: string,
  pg: Awaited<ReturnType<typeof startPostgres>>,
  brokers: string[] | null,
  monitorInfra: (m: ProcessMonitor) => void,
): Promise<SetupResult> {
  const databaseUrl = await freshDatabase(pg.url, `load_${kind}`);
  const dataDir = mkdtempSync(join(existsTmp(), 'load-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'load-prof-'));
  const heapDir = mkdtempSync(join(tmpdir(), 'load-heap-'));
  const env = serviceEnv(databaseUrl, dataDir, {
    ...hookEnv(heapDir, PROFILE ? { dir: profileDir, name: kind } : null, NODE_FLAGS),
    ...(brokers
      ? { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: `load${Date.now().toString(36)}.` }
      : {}),
  });
  progress(`${kind}: starting`);
  const system: RunningSystem =
    kind === 'standalone' ? await startStandalone(env) : await startDistributedSystem(env);
  const monitor = new ProcessMonitor();
  for (const [name, s] of Object.entries(system.services)) monitor.track(name, () => s.pid());
  monitorInfra(monitor);
  monitor.track('load generator', () => process.pid);
  const driver = new LoadDriver(system.routes, { ticketDeadlineMs: 60000, pollMs: POLL_MS });
  try {
    await driver.prepare(20);
    await waitForDirectory(databaseUrl, 20);
    driver.startDepartments();
    monitor.begin();

    const rampRuns: { offered: number; runs: TicketRun[] }[] = [];
    for (const rate of RAMP) {
      const before = driver.runs.length;
      await openLoop(driver, rate, STEP_S, `${kind} ramp`);
      rampRuns.push({ offered: rate, runs: driver.runs.slice(before) });
      // Overloaded when more than ten seconds of arrivals are in flight: climbing further only queues.
      if (driver.inFlight > rate * 10) {
        progress(`${kind}: overloaded at ${rate}/s (${driver.inFlight} in flight); ramp stops`);
        break;
      }
    }
    await drain(driver, 60000);
    const backlogAfterRampSeconds = await settleOutboxes(databaseUrl);
    const steps = rampRuns.map((s) => evaluate(s.runs, s.offered, STEP_S));
    const sustained = steps.filter((s) => s.sustained).reduce((m, s) => Math.max(m, s.offered), 0);
    const lifecycle = steps.filter((s) => s.lifecycleSustained).reduce((m, s) => Math.max(m, s.offered), 0);
    progress(`${kind}: sustained submit ${sustained}/s, full lifecycle ${lifecycle}/s`);

    // Steady phase at half the target, or half of what was sustained when that is less, or the
    // ramp's first rate when nothing was.
    const best = Math.max(lifecycle, sustained);
    const rate = best >= TARGET ? TARGET / 2 : best > 0 ? Math.max(1, Math.floor(best / 2)) : RAMP[0];
    const before = driver.runs.length;
    if (PROFILE) writeFileSync(join(profileDir, 'start'), '');
    const window = await openLoop(driver, rate, STEADY_S, `${kind} steady`);
    if (PROFILE) writeFileSync(join(profileDir, 'stop'), '');
    await drain(driver, 90000);
    const steadyRuns = driver.runs.slice(before);
    await driver.stopDepartments();
    const processes = monitor
      .end()
      .map((x) => ({ ...x, heap: readHeapFigures(heapDir, system.services[x.name]?.pid()) }));
    const ids = steadyRuns.filter((r) => r.id).map((r) => r.id!);
    const lf = await ledgerFigures(databaseUrl, ids);
    const closed = steadyRuns.filter((r) => r.closedAt !== undefined);
    const result: SetupResult = {
      setup: kind,
      ramp: steps,
      sustainedSubmitPerSecond: sustained,
      sustainedLifecyclePerSecond: lifecycle,
      backlogAfterRampSeconds,
      steady: {
        rate,
        seconds: round1((window.to - window.from) / 1000),
        submitted: ids.length,
        closed: closed.length,
        lifecyclePerSecond: round1(closed.length / STEADY_S),
        submitP50Ms: p(
          steadyRuns.filter((r) => r.submitMs !== undefined).map((r) => r.submitMs!),
          50,
        ),
        submitP99Ms: p(
          steadyRuns.filter((r) => r.submitMs !== undefined).map((r) => r.submitMs!),
          99,
        ),
        queueServerP50Ms: p(lf.queue, 50),
        queueServerP99Ms: p(lf.queue, 99),
        queueObservedP50Ms: p(
          steadyRuns.filter((r) => r.visibleAt && r.acceptedAt).map((r) => r.visibleAt! - r.acceptedAt!),
          50,
        ),
        queueObservedP99Ms: p(
          steadyRuns.filter((r) => r.visibleAt && r.acceptedAt).map((r) => r.visibleAt! - r.acceptedAt!),
          99,
        ),
        lifecycleP50Ms: p(
          closed.map((r) => r.closedAt! - r.arrivedAt),
          50,
        ),
        lifecycleP99Ms: p(
          closed.map((r) => r.closedAt! - r.arrivedAt),
          99,
        ),
      },
      ledger: lf.rows,
      ledgerCoverage: lf.coverage,
      counters: Object.fromEntries(
        Object.entries(driver.counters).filter(([, v]) => typeof v === 'number'),
      ) as Record<string, number>,
      errorSamples: driver.counters.errorSamples,
      processes,
    };
    await system.stop();
    await sleep(1000);
    if (PROFILE) {
      const busiest = processes
        .filter((x) => x.name in system.services)
        .sort((a, b) => b.cpuSeconds - a.cpuSeconds)[0];
      const file = readdirSync(profileDir).find(
        (f) => f.startsWith(`${busiest.name}-`) || (kind === 'standalone' && f.endsWith('.cpuprofile')),
      );
      if (file)
        result.profile = { process: busiest.name, ...renameWindow(summariseProfile(join(profileDir, file))) };
    }
    return result;
  } catch (e) {
    await system.stop().catch(() => undefined);
    throw e;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

/** Interrupted (Ctrl-C): stop the services this run started instead of leaving them behind. */
let current: RunningSystem | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: stopping the services`);
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });
}

const renameWindow = (s: { totalMs: number; frames: Hotspot[]; packages: Hotspot[] }) => ({
  windowMs: s.totalMs,
  frames: s.frames,
  packages: s.packages,
});

function existsTmp(): string {
  // The embedded PostgreSQL runs as postgres; the services' DATA_DIR only needs to be ours.
  const dir = join(repoRoot, '.data', 'load-tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function markdown(
  at: string,
  ceiling: { pgbench: PgbenchFigures; kafka: KafkaRoundTrip | null; kafkaReason?: string },
  results: SetupResult[],
): string {
  const pgTps = ceiling.pgbench.tps;
  const ratio = (x: number) => (pgTps ? ` (${((x / pgTps) * 100).toFixed(1)}% of pgbench)` : '');
  const lines = [
    `## Load bench, ${at}`,
    '',
    ...(NODE_FLAGS ? [`Every service process started with \`${NODE_FLAGS}\` (LOAD_NODE_FLAGS).`, ''] : []),
    `Machine ceiling (same servers, same run): pgbench single-row INSERT **${pgTps ?? 'n/a'} tps**${pgTps ? ` (\`${ceiling.pgbench.command}\`)` : ` — ${ceiling.pgbench.reason}`}; Kafka produce→consume round trip ${ceiling.kafka ? `p50 **${ceiling.kafka.p50Ms} ms**, p99 **${ceiling.kafka.p99Ms} ms** (${ceiling.kafka.samples} sequential messages, acks=-1)` : `n/a (${ceiling.kafkaReason})`}.`,
    '',
    '| setup | sustained submit/s | sustained full lifecycle/s | steady rate/s | submit p50/p99 ms | submit→queue p50/p99 ms (server) | 201→seen in queue p50/p99 ms (poll 50 ms) | lifecycle p50/p99 ms |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map((r) =>
      r.steady
        ? `| ${r.setup} | ${r.sustainedSubmitPerSecond}${ratio(r.sustainedSubmitPerSecond)} | ${r.sustainedLifecyclePerSecond} | ${r.steady.rate} | ${r.steady.submitP50Ms} / ${r.steady.submitP99Ms} | ${r.steady.queueServerP50Ms} / ${r.steady.queueServerP99Ms} | ${r.steady.queueObservedP50Ms} / ${r.steady.queueObservedP99Ms} | ${r.steady.lifecycleP50Ms} / ${r.steady.lifecycleP99Ms} |`
        : `| ${r.setup} | ${r.sustainedSubmitPerSecond} | ${r.sustainedLifecyclePerSecond} | – | – | – | – | – |`,
    ),
  ];
  for (const r of results) {
    lines.push('', `### ${r.setup}`, '', 'Ramp (10 s steps unless LOAD_STEP_S says otherwise):', '');
    lines.push(
      '| offered/s | submitted/s (201 < 2 s) | submit p99 ms | in queue < 2 s /s | closed < 30 s /s | sustained |',
      '|---|---|---|---|---|---|',
    );
    for (const s of r.ramp)
      lines.push(
        `| ${s.offered} | ${s.submittedPerSecond} | ${s.submitP99Ms} | ${s.visibleWithin2sPerSecond} | ${s.closedWithin30sPerSecond} | ${s.sustained ? (s.lifecycleSustained ? 'yes' : 'submit only') : 'no'} |`,
      );
    lines.push(
      '',
      r.backlogAfterRampSeconds === null
        ? `The ramp's backlog was not worked off within ${SETTLE_MS / 1000} s; the steady phase began with events still queued.`
        : `The ramp's backlog (events not yet applied by every consumer) was worked off ${r.backlogAfterRampSeconds} s after the ramp's last ticket left the driver; the steady phase began after it.`,
    );
    lines.push(
      '',
      `Action → ledger entry (recorded_at − occurred_at), steady phase; ledger holds ${r.ledgerCoverage.inLedger} of ${r.ledgerCoverage.events} events of these tickets:`,
      '',
    );
    lines.push('| event | count | p50 ms | p99 ms |', '|---|---|---|---|');
    for (const l of r.ledger) lines.push(`| ${l.type} | ${l.count} | ${l.p50Ms} | ${l.p99Ms} |`);
    lines.push(
      '',
      'Processes over the run (ramp + steady):',
      '',
      '| process | CPU s | CPU % of one core | peak RSS MB | heap MB: live after a full GC, peak / committed, peak | full / young GCs, pauses ms | socket writes per accepted ticket (write and writev calls; not counted for PostgreSQL, whose send() is not) |',
      '|---|---|---|---|---|---|---|',
    );
    const c = r.counters;
    for (const x of r.processes)
      lines.push(
        `| ${x.name} | ${x.cpuSeconds} | ${x.cpuPercent} | ${x.peakRssMb}${x.note ? ` (${x.note})` : ''} | ${x.heap ? `${x.heap.liveAfterFullGcMb} / ${x.heap.heapTotalPeakMb}` : 'n/a'} | ${x.heap ? `${x.heap.fullGcs} / ${x.heap.youngGcs}, ${x.heap.gcPauseMs}` : 'n/a'} | ${x.name === 'postgres' || x.name.startsWith('kafka') ? 'n/a' : round1(x.writeCalls / Math.max(1, c.accepted))} |`,
      );
    lines.push(
      '',
      `Requests ${c.httpRequests}, 5xx ${c.serverErrors}, connection errors ${c.connectionErrors}, 409 ${c.conflicts}, 429 ${c.throttled}, retries ${c.retries}, stuck ${c.stuck}.`,
    );
    if (r.profile) {
      lines.push(
        '',
        `CPU profile of the busiest service (${r.profile.process}, ${(r.profile.windowMs / 1000).toFixed(0)} s of the steady phase), self time:`,
        '',
      );
      lines.push(
        '| by package | % |',
        '|---|---|',
        ...r.profile.packages.map((h) => `| ${h.frame} | ${h.selfPercent} |`),
      );
      lines.push(
        '',
        '| top frames | % |',
        '|---|---|',
        ...r.profile.frames.map((h) => `| \`${h.frame}\` | ${h.selfPercent} |`),
      );
    }
  }
  return lines.join('\n');
}

async function main() {
  const at = new Date().toISOString();
  progress('starting PostgreSQL (.data/load-postgres) and Kafka (.data/load-kafka, port 39192)');
  const pg = await startPostgres('load');
  const kafka = SETUPS.includes('distributed')
    ? startKafka('load', 39192)
    : { broker: null, reason: 'distributed setup not requested' };
  const results: SetupResult[] = [];
  let pgbench: PgbenchFigures = { tps: null };
  let rtt: KafkaRoundTrip | null = null;
  try {
    progress('ceiling: pgbench single-row INSERT, -c 8 -j 2 -T 15');
    pgbench = await pgbenchInsertCeiling(pg);
    progress(`ceiling: pgbench ${pgbench.tps ?? 'n/a'} tps ${pgbench.reason ?? ''}`);
    if (kafka.broker) {
      rtt = await kafkaRoundTrip(kafka.broker.brokers);
      progress(`ceiling: Kafka round trip p50 ${rtt.p50Ms} ms, p99 ${rtt.p99Ms} ms`);
    } else progress(`ceiling: Kafka skipped (${kafka.reason})`);
    const infra = (m: ProcessMonitor) => {
      m.track('postgres', () => pg.pid(), true);
      if (kafka.broker) m.track('kafka (JVM)', () => kafka.broker!.pid());
    };
    for (const setup of SETUPS) {
      if (setup === 'distributed' && !kafka.broker) {
        progress(`distributed: skipped (${kafka.reason})`);
        continue;
      }
      results.push(await runSetup(setup, pg, setup === 'distributed' ? kafka.broker!.brokers : null, infra));
      writeResults(
        'load',
        { at, ceiling: { pgbench, kafka: rtt }, results },
        markdown(at, { pgbench, kafka: rtt, kafkaReason: kafka.reason }, results),
      );
    }
  } finally {
    kafka.broker?.stop();
    await pg.stop();
  }
  const md = markdown(at, { pgbench, kafka: rtt, kafkaReason: kafka.reason }, results);
  writeResults('load', { at, ceiling: { pgbench, kafka: rtt }, results }, md);
  process.stdout.write(md + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
