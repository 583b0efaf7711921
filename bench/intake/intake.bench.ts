/**
 * npm run bench:intake — what one ticket's intake costs (submit → routed → assigned, with every
 * consumer's work: dispatch, ledger, sla, notify, …), against the standalone as the README starts
 * it (embedded PostgreSQL, in-process transport).
 *
 * Rounds of INTAKE_TICKETS tickets each: closed-loop at each concurrency of INTAKE_CONCURRENCY
 * (c1,c8,c32: that many submitters, one ticket after another) and open-loop at each rate of
 * INTAKE_RATES (tickets/s offered). A round ends when every consumer has applied every event its
 * tickets caused (every outbox of every schema published: with the in-process transport a row is
 * marked only once every group applied it), so the CPU of a round is the whole cost of its tickets.
 * Per round: accepted tickets/s, submit p50/p99, submit → 待签收 (ticket.submitted → ticket.assigned
 * in the ticket outbox) p50/p99, CPU-ms per ticket (Node process; PostgreSQL summed over every
 * backend from /proc), statements per ticket by service schema and transactions per ticket
 * (pg_stat_statements, loaded through shared_preload_libraries in this bench's own server), events
 * per ticket, PostgreSQL connections by application_name, what the services' backends are doing
 * (sampled every 50 ms from pg_stat_activity; the sampler's own cost shows as bench:intake),
 * RSS. In the same run: pgbench -c 8 single-row INSERT on the same server (the ceiling). The round INTAKE_PROFILE_ROUND (default c8)
 * is profiled (V8 sampling profiler in the service).
 *
 * Env: INTAKE_TICKETS (300), INTAKE_CONCURRENCY (1,8,32), INTAKE_RATES (empty), INTAKE_OUT (results name, intake),
 * INTAKE_PROFILE_ROUND (c8; empty: none), INTAKE_SETUPS (standalone; distributed adds Kafka),
 * INTAKE_BREACH_PROBE (probe tickets per second beside each round, default 0: none; see breachProbe),
 * INTAKE_WHATIF_SQL (SQL run on the bench's database after the warm-up, before the rounds: a what-if,
 * e.g. dropping an index to learn what keeping it costs; printed with the results),
 * INTAKE_PG_SOCKET (a directory: PostgreSQL also listens on a Unix socket there, and the services
 * connect through it instead of TCP on 127.0.0.1; the bench's own connections stay on TCP),
 * INTAKE_NODE_FLAGS (flags for every service process, e.g. `--max-old-space-size=160`, to price them),
 * plus the service's own settings passed through (e.g. LOCAL_RELAY_BATCHES_IN_FLIGHT). Every service
 * preloads heap-hook.ts: each setup prints its processes' live heap, committed heap and collections.
 */
import 'reflect-metadata';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  outboxSchemas,
  percentile,
  progress,
  repoRoot,
  unpublishedEvents,
  writeResults,
} from '../bench-infra';
import { secondsPolicy } from '../../apps/sla/test/sla-test-kit';
import { LoadDriver, TicketRun } from '../load/driver';
import { sleep } from '../load/http';
import {
  pgbenchInsertCeiling,
  PgbenchFigures,
  ProcessMonitor,
  round1,
  startKafka,
  startPostgres,
  Postgres,
} from '../load/infra';
import type { HeapFigures } from '../load/heap-hook';
import { Hotspot, summariseProfile } from '../load/profile';
import {
  freshDatabase,
  hookEnv,
  readHeapFigures,
  RunningSystem,
  serviceEnv,
  startDistributedSystem,
  startStandalone,
  waitForDirectory,
} from '../load/system';

const TICKETS = Number(process.env.INTAKE_TICKETS ?? 300);
const list = (v: string | undefined, d: string) =>
  (v ?? d)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
const CONCURRENCY = list(process.env.INTAKE_CONCURRENCY, '1,8,32');
const RATES = list(process.env.INTAKE_RATES, '');
const OUT = process.env.INTAKE_OUT ?? 'intake';
const PROFILE_ROUND = process.env.INTAKE_PROFILE_ROUND ?? 'c8';
const WHATIF_SQL = process.env.INTAKE_WHATIF_SQL?.trim() || null;
/** A directory for PostgreSQL's Unix socket, which the services then connect through; null: TCP. */
const PG_SOCKET = process.env.INTAKE_PG_SOCKET?.trim() || null;
const NODE_FLAGS = process.env.INTAKE_NODE_FLAGS?.trim() ?? '';
const SETUPS = (process.env.INTAKE_SETUPS ?? 'standalone').split(',').map((s) => s.trim());
const PASS_THROUGH = ['LOCAL_RELAY_BATCHES_IN_FLIGHT', 'LOCAL_TRANSPORT_LANES', 'DATABASE_POOL_SIZE'];
const BREACH_PROBE = Number(process.env.INTAKE_BREACH_PROBE ?? 0);

/** One setup's rounds, the settings it ran with, and its services' heaps over their life. */
interface SetupResults {
  setup: string;
  rounds: Round[];
  settings: Record<string, string>;
  heap: Record<string, HeapFigures>;
}
/** The probe's tickets: a category and urgency of their own, whose SLA policy has a 5 s respond clock. */
const PROBE = { category: 'technology', urgency: 'critical' } as const;

const p = (xs: number[], q: number) =>
  round1(
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    ),
  );

interface Statement {
  schema: string;
  query: string;
  calls: number;
  totalMs: number;
  planMs: number;
}

interface StatementFigures {
  schema: string;
  query: string;
  callsPerTicket: number;
  msPerTicket: number; // execution
  planMsPerTicket?: number;
}

interface Round {
  name: string; // c8, r50
  tickets: number;
  accepted: number;
  wallSeconds: number; // first submit → last accepted
  acceptedPerSecond: number;
  submitP50Ms: number;
  submitP99Ms: number;
  assignedP50Ms: number; // ticket.submitted → ticket.assigned (server timeline)
  assignedP99Ms: number;
  assignedCount: number;
  /** The queue's two legs, p50 / p99 ms: submit → routed (dispatch.decided written), routed → 待签收. */
  legsMs?: { routed: [number, number]; assigned: [number, number] };
  drainSeconds: number; // last accepted → every consumer done
  /**
   * Accepted tickets per second from the first submit until every consumer applied every event
   * they caused: what the system finished, not only what it took in. A closed loop whose consumers
   * fall behind accepts faster than it finishes (and spends more CPU per second than the machine
   * has during the submits, the rest in the drain).
   */
  completedPerSecond: number;
  cpuMsPerTicket: Record<string, number>; // by process
  /** write and writev system calls per ticket, by Node process (each socket write; PostgreSQL's send() is not counted). */
  writeCallsPerTicket: Record<string, number>;
  /** PostgreSQL's CPU by the connection's application_name (or the server process's kind). */
  postgresCpuMsPerTicket: Record<string, number>;
  statementsPerTicket: Record<string, number>; // by schema (+ transaction control, other)
  statementMsPerTicket: Record<string, number>;
  /** pg_stat_statements total_plan_time (track_planning on): parse-to-plan work repeated per call. */
  planMsPerTicket?: Record<string, number>;
  transactionsPerTicket: number; // pg_stat_database xact_commit + xact_rollback
  eventsPerTicket: Record<string, number>; // outbox rows written, by schema
  eventBytesPerTicket: number;
  /** Rows inserted, updated (of which HOT), deleted per ticket, by table (at least 0.1 per ticket). */
  rowWritesPerTicket: Record<string, RowWrites>;
  connections: { peak: number; byApplication: Record<string, number> };
  /**
   * The services' backends that were not idle, sampled every 50 ms over the round: the share of
   * sightings in each state (idle in transaction: waiting for the service; active; lock wait).
   */
  activity: { sightings: number; shares: Record<string, number> };
  rssMb: Record<string, number>;
  topStatements: StatementFigures[];
  /** Every statement run at least once per ten tickets, most frequent first: where the round trips go. */
  frequentStatements: StatementFigures[];
  profile?: { windowMs: number; frames: Hotspot[]; packages: Hotspot[] };
  /** SLA detection while the round runs (INTAKE_BREACH_PROBE): planned step time → fired, every step of the probe's clocks. */
  breach?: BreachFigures;
}

interface BreachFigures {
  probes: number;
  steps: number;
  unfired: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  breachP99Ms: number;
}

/**
 * SLA breach detection under the round's load: INTAKE_BREACH_PROBE tickets per second of the probe's
 * category and urgency, submitted beside the round's own; their 5 s respond clocks warn at 50 %,
 * breach, and urge 2 s after. Their steps' lateness (fired − planned) is what an overdue ticket waits
 * for its red card while intake runs. The probes' own cost is in the round's CPU (divided by the
 * round's tickets): compare CPU per ticket with rounds run without it.
 */
function breachProbe(driver: LoadDriver): { stop: () => Promise<string[]> } {
  let running = true;
  const submitted: Promise<TicketRun>[] = [];
  const loop = (async () => {
    const from = performance.now();
    while (running) {
      const due = Math.floor(((performance.now() - from) / 1000) * BREACH_PROBE) + 1;
      while (submitted.length < due) submitted.push(driver.submitOnly(undefined, PROBE));
      await sleep(20);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return (await Promise.all(submitted)).filter((r) => r.id).map((r) => r.id!);
    },
  };
}

async function breachFigures(db: Db, ids: string[], maxMs: number): Promise<BreachFigures> {
  const steps = () =>
    db.q<{ step: string; ms: number | null; ticket_id: string }>(
      `SELECT f.step, extract(epoch FROM f.fired_at - f.fire_at) * 1000 AS ms, t.ticket_id
         FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id
        WHERE t.ticket_id = ANY($1::text[]) AND t.kind = 'respond'`,
      [ids],
    );
  const until = performance.now() + maxMs;
  let rows = await steps();
  // Every probe has its clock and every step has fired (or the wait is over: counted as unfired).
  while (
    performance.now() < until &&
    (new Set(rows.map((r) => r.ticket_id)).size < ids.length || rows.some((r) => r.ms === null))
  ) {
    await sleep(250);
    rows = await steps();
  }
  const fired = rows
    .filter((r) => r.ms !== null)
    .map((r) => Math.max(0, Number(r.ms)))
    .sort((a, b) => a - b);
  const breaches = rows
    .filter((r) => r.ms !== null && r.step === 'breach')
    .map((r) => Math.max(0, Number(r.ms)))
    .sort((a, b) => a - b);
  return {
    probes: ids.length,
    steps: fired.length,
    unfired: rows.length - fired.length,
    p50Ms: p(fired, 50),
    p99Ms: p(fired, 99),
    maxMs: round1(fired[fired.length - 1] ?? NaN),
    breachP99Ms: p(breaches, 99),
  };
}

class Db {
  constructor(
    readonly c: Client,
    readonly url: string,
  ) {}
  static async open(url: string) {
    const c = new Client({ connectionString: url, application_name: 'bench:intake' });
    await c.connect();
    return new Db(c, url);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  q<T = any>(sql: string, args: unknown[] = []): Promise<T[]> {
    // Marked, so pg_stat_statements' figures leave the bench's own queries out.
    return this.c
      .query(sql.startsWith('/* bench */') ? sql : `/* bench */ ${sql}`, args)
      .then((r) => r.rows as T[]);
  }
}

const schemas = (db: Db): Promise<string[]> => outboxSchemas((sql) => db.q(sql));

function schemaOf(query: string, known: string[]): string {
  const q = query.trim();
  if (/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE)/i.test(q)) return '(transaction control)';
  for (const s of known) if (new RegExp(`(^|[^\\w])"?${s}"?\\.`, 'i').test(q)) return s;
  return '(other)';
}

/** Until every outbox row of every schema is published: every consumer applied everything. */
async function quiesce(db: Db, known: string[], maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  for (;;) {
    const pending = await unpublishedEvents((sql) => db.q(sql), known);
    if (pending === 0) return;
    if (Date.now() > end) throw new Error(`${pending} events still unpublished after ${maxMs} ms`);
    await sleep(200);
  }
}

async function inboxesSettled(db: Db, known: string[], maxMs: number): Promise<void> {
  const sql = `SELECT (${known.map((s) => `(SELECT count(*) FROM "${s}".inbox)`).join(' + ')})::int AS n`;
  const end = Date.now() + maxMs;
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const n = (await db.q<{ n: number }>(sql))[0].n;
    if (n !== last) {
      last = n;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= 2000) return;
    if (Date.now() > end) throw new Error(`inboxes still growing after ${maxMs} ms`);
    await sleep(250);
  }
}

async function outboxSeqs(db: Db, known: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of known)
    out[s] = (await db.q<{ m: string }>(`SELECT coalesce(max(seq), 0)::text AS m FROM "${s}".outbox`))[0].m;
  return out;
}

async function xacts(db: Db): Promise<number> {
  return Number(
    (
      await db.q<{ n: string }>(
        `SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()`,
      )
    )[0].n,
  );
}

/** Rows of one table inserted, updated (of which HOT: no index entry written), deleted. */
interface RowWrites {
  ins: number;
  upd: number;
  hot: number;
  del: number;
}

/**
 * Row writes by table (pg_stat_user_tables): inserted, updated (of which HOT: no index entry
 * written), deleted. A non-HOT update enters the new row version into every index of its table.
 */
async function tableWrites(db: Db): Promise<Record<string, RowWrites>> {
  const rows = await db.q<{ t: string; i: string; u: string; h: string; d: string }>(
    `SELECT schemaname || '.' || relname AS t, n_tup_ins::text AS i, n_tup_upd::text AS u, n_tup_hot_upd::text AS h,
            n_tup_del::text AS d FROM pg_stat_user_tables`,
  );
  return Object.fromEntries(
    rows.map((r) => [r.t, { ins: Number(r.i), upd: Number(r.u), hot: Number(r.h), del: Number(r.d) }]),
  );
}

async function connections(db: Db): Promise<Record<string, number>> {
  const rows = await db.q<{ a: string; n: number }>(
    `SELECT coalesce(nullif(application_name, ''), '(none)') AS a, count(*)::int AS n
       FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'bench:intake' GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.a, r.n]));
}

function activityShares(seen: Record<string, number>): Round['activity'] {
  const sightings = Object.values(seen).reduce((a, b) => a + b, 0);
  return {
    sightings,
    shares: Object.fromEntries(
      Object.entries(seen)
        .sort(([, a], [, b]) => b - a)
        .map(([state, n]) => [state, round1((n / (sightings || 1)) * 100)]),
    ),
  };
}

/** The services' backends that are not idle, by what they are doing (see Round.activity). */
async function activity(db: Db): Promise<Record<string, number>> {
  const rows = await db.q<{ a: string; n: number }>(
    `SELECT CASE WHEN wait_event_type = 'Lock' THEN 'lock wait'
                 WHEN state = 'idle in transaction' THEN 'idle in transaction'
                 WHEN state = 'active' THEN 'active' ELSE coalesce(state, '(none)') END AS a, count(*)::int AS n
       FROM pg_stat_activity
      WHERE datname = current_database() AND application_name <> 'bench:intake' AND state <> 'idle' GROUP BY 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.a, r.n]));
}

/** Each server process's label: its connection's application_name, or the kind of server process it is. */
async function postgresProcessNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.q<{ pid: number; a: string }>(
    `SELECT pid, coalesce(nullif(application_name, ''), backend_type) AS a FROM pg_stat_activity`,
  );
  return new Map(rows.map((r) => [r.pid, r.a]));
}

/** A server process no longer in pg_stat_activity (or the postmaster): what its command line says. */
function processKind(pid: number): string {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return cmd.startsWith('postgres: ')
      ? `(${cmd.slice('postgres: '.length).split(' ')[0]})`
      : '(postmaster)';
  } catch {
    return '(exited)';
  }
}

const statementLine = (s: StatementFigures) =>
  `| \`${s.query.replace(/\|/g, '\\|')}\` | ${s.schema} | ${s.callsPerTicket} | ${s.msPerTicket} | ${s.planMsPerTicket ?? 'n/a'} |`;

const sortedDesc = (x: Record<string, number>) =>
  Object.fromEntries(Object.entries(x).sort((a, b) => b[1] - a[1]));

async function runRound(
  name: string,
  driver: LoadDriver,
  db: Db,
  known: string[],
  monitorFor: () => ProcessMonitor,
  submit: (driver: LoadDriver) => Promise<TicketRun[]>,
  profileDir: string | null,
  kafka = false,
): Promise<Round> {
  await quiesce(db, known, 120000);
  const seqs = await outboxSeqs(db, known);
  await db.q('SELECT pg_stat_statements_reset()');
  // pg_stat_database is refreshed at transaction end: read it fresh.
  await db.q('SELECT pg_stat_clear_snapshot()');
  const x0 = await xacts(db);
  const w0 = await tableWrites(db);
  const monitor = monitorFor();
  let peak = 0;
  let peakBy: Record<string, number> = {};
  const seen: Record<string, number> = {};
  let sampling = true;
  const sampler = (async () => {
    const s = await Db.open(db.url).catch(() => null);
    // Backend states every 50 ms; connections every tenth time (500 ms).
    for (let i = 0; sampling && s; i++) {
      for (const [state, n] of Object.entries(await activity(s))) seen[state] = (seen[state] ?? 0) + n;
      if (i % 10 === 0) {
        const by = await connections(s);
        const n = Object.values(by).reduce((a, b) => a + b, 0);
        if (n > peak) {
          peak = n;
          peakBy = by;
        }
      }
      await sleep(50);
    }
    await s?.c.end();
  })();
  if (profileDir) writeFileSync(join(profileDir, 'start'), '');
  monitor.begin();
  const t0 = performance.now();
  const probe = BREACH_PROBE > 0 && name !== 'warm-up' ? breachProbe(driver) : null;
  const runs = await submit(driver);
  const t1 = performance.now();
  const breach = probe ? await breachFigures(db, await probe.stop(), 60000) : undefined;
  await quiesce(db, known, 300000);
  // With Kafka, published means acknowledged by the broker, not yet applied: wait until every
  // group's inbox has stopped growing (two seconds without a new row).
  if (kafka) await inboxesSettled(db, known, 300000);
  const t2 = performance.now();
  const processes = monitor.end();
  const backends = await postgresProcessNames(db);
  if (profileDir) writeFileSync(join(profileDir, 'stop'), '');
  sampling = false;
  await sampler;
  await db.q('SELECT pg_stat_clear_snapshot()');
  // The stats collector flushes a backend's counters at most every second (PG 15+: on idle).
  await sleep(1500);
  await db.q('SELECT pg_stat_clear_snapshot()');
  const x1 = await xacts(db);
  const w1 = await tableWrites(db);
  const ids = runs.filter((r) => r.id).map((r) => r.id!);
  const n = ids.length || 1;

  const statements: Statement[] = (
    await db.q<{ query: string; calls: string; ms: number; planMs: number }>(
      `SELECT query, calls::text, total_exec_time AS ms, total_plan_time AS "planMs" FROM pg_stat_statements s
         JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database()`,
    )
  )
    .filter((r) => !r.query.includes('/* bench */') && !r.query.includes('pg_stat_'))
    .map((r) => ({
      schema: schemaOf(r.query, known),
      query: r.query,
      calls: Number(r.calls),
      totalMs: r.ms,
      planMs: r.planMs,
    }));
  const statementsPerTicket: Record<string, number> = {};
  const statementMsPerTicket: Record<string, number> = {};
  const planMsPerTicket: Record<string, number> = {};
  for (const s of statements) {
    planMsPerTicket[s.schema] = (planMsPerTicket[s.schema] ?? 0) + s.planMs / n;
    statementsPerTicket[s.schema] = (statementsPerTicket[s.schema] ?? 0) + s.calls / n;
    statementMsPerTicket[s.schema] = (statementMsPerTicket[s.schema] ?? 0) + s.totalMs / n;
  }
  for (const k of Object.keys(statementsPerTicket)) {
    statementsPerTicket[k] = round1(statementsPerTicket[k]);
    statementMsPerTicket[k] = Math.round(statementMsPerTicket[k] * 100) / 100;
    planMsPerTicket[k] = Math.round(planMsPerTicket[k] * 100) / 100;
  }
  statementsPerTicket.total = round1(statements.reduce((a, s) => a + s.calls, 0) / n);

  const eventsPerTicket: Record<string, number> = {};
  let bytes = 0;
  let events = 0;
  for (const s of known) {
    const [r] = await db.q<{ n: number; b: string }>(
      `SELECT count(*)::int AS n, coalesce(sum(octet_length(envelope::text)), 0)::text AS b FROM "${s}".outbox WHERE seq > $1`,
      [seqs[s]],
    );
    if (r.n) eventsPerTicket[s] = round1(r.n / n);
    events += r.n;
    bytes += Number(r.b);
  }
  eventsPerTicket.total = round1(events / n);

  const rowWritesPerTicket: Round['rowWritesPerTicket'] = {};
  for (const [t, w] of Object.entries(w1)) {
    const b = w0[t];
    const per = (k: keyof RowWrites) => round1((w[k] - (b?.[k] ?? 0)) / n);
    if (per('ins') + per('upd') + per('del') >= 0.1)
      rowWritesPerTicket[t] = { ins: per('ins'), upd: per('upd'), hot: per('hot'), del: per('del') };
  }

  const queue = (
    await db.q<{ ms: number }>(
      `SELECT extract(epoch FROM a.created_at - s.created_at) * 1000 AS ms
         FROM ticket.outbox s JOIN ticket.outbox a ON a.key = s.key AND a.type = 'ticket.assigned'
        WHERE s.type = 'ticket.submitted' AND s.key = ANY($1)`,
      [ids],
    )
  ).map((r) => Number(r.ms));
  // Where the queue's time goes: ticket.submitted → dispatch.decided (the ticket relay, dispatch's
  // lane, its transaction's start), then → ticket.assigned (the dispatch relay, the ticket's lane).
  const legs = await db.q<{ routed: number; assigned: number }>(
    `SELECT extract(epoch FROM d.created_at - s.created_at) * 1000 AS routed,
            extract(epoch FROM a.created_at - d.created_at) * 1000 AS assigned
       FROM ticket.outbox s
       JOIN dispatch.outbox d ON d.key = s.key AND d.type = 'dispatch.decided'
       JOIN ticket.outbox a ON a.key = s.key AND a.type = 'ticket.assigned'
      WHERE s.type = 'ticket.submitted' AND s.key = ANY($1)`,
    [ids],
  );
  const leg = (k: 'routed' | 'assigned'): [number, number] => {
    const ms = legs.map((r) => Number(r[k]));
    return [p(ms, 50), p(ms, 99)];
  };
  const submitMs = runs.filter((r) => r.submitMs !== undefined).map((r) => r.submitMs!);
  const lastAccepted = Math.max(...runs.filter((r) => r.acceptedAt).map((r) => r.acceptedAt!), t0);

  const cpuMsPerTicket: Record<string, number> = {};
  const writeCallsPerTicket: Record<string, number> = {};
  const rssMb: Record<string, number> = {};
  for (const x of processes) {
    cpuMsPerTicket[x.name] = round1((x.cpuSeconds * 1000) / n);
    if (x.name !== 'postgres' && !x.name.startsWith('kafka'))
      writeCallsPerTicket[x.name] = round1(x.writeCalls / n);
    rssMb[x.name] = x.peakRssMb;
  }
  const postgresCpuMsPerTicket: Record<string, number> = {};
  for (const [pid, seconds] of monitor.cpuSecondsByPid('postgres')) {
    const label = backends.get(pid) ?? processKind(pid);
    postgresCpuMsPerTicket[label] = (postgresCpuMsPerTicket[label] ?? 0) + (seconds * 1000) / n;
  }
  for (const k of Object.keys(postgresCpuMsPerTicket)) {
    postgresCpuMsPerTicket[k] = round1(postgresCpuMsPerTicket[k]);
    if (!postgresCpuMsPerTicket[k]) delete postgresCpuMsPerTicket[k];
  }
  cpuMsPerTicket['service + PostgreSQL'] = round1(
    processes.filter((x) => x.name !== 'load generator').reduce((a, x) => a + x.cpuSeconds * 1000, 0) / n,
  );

  const failed = runs.filter((r) => !r.id);
  if (failed.length)
    progress(
      `${name}: ${failed.length} not accepted, e.g. ${failed[0].error}; samples: ${driver.counters.errorSamples.slice(-3).join(' | ')}`,
    );
  const wall = (lastAccepted - t0) / 1000;
  return {
    name,
    tickets: runs.length,
    accepted: ids.length,
    wallSeconds: round1(wall),
    acceptedPerSecond: round1(ids.length / wall),
    submitP50Ms: p(submitMs, 50),
    submitP99Ms: p(submitMs, 99),
    assignedP50Ms: p(queue, 50),
    assignedP99Ms: p(queue, 99),
    assignedCount: queue.length,
    legsMs: { routed: leg('routed'), assigned: leg('assigned') },
    drainSeconds: round1((t2 - Math.max(t1, lastAccepted)) / 1000),
    completedPerSecond: round1(ids.length / (wall + (t2 - Math.max(t1, lastAccepted)) / 1000)),
    cpuMsPerTicket,
    writeCallsPerTicket,
    postgresCpuMsPerTicket,
    statementsPerTicket,
    statementMsPerTicket,
    planMsPerTicket,
    transactionsPerTicket: round1((x1 - x0) / n),
    eventsPerTicket,
    eventBytesPerTicket: Math.round(bytes / n),
    rowWritesPerTicket,
    connections: { peak, byApplication: peakBy },
    activity: activityShares(seen),
    rssMb,
    ...(breach ? { breach } : {}),
    frequentStatements: [...statements]
      .sort((a, b) => b.calls - a.calls)
      .filter((s) => s.calls / n >= 0.1)
      .map((s) => ({
        schema: s.schema,
        query: s.query.replace(/\s+/g, ' ').slice(0, 160),
        callsPerTicket: round1(s.calls / n),
        msPerTicket: Math.round((s.totalMs / n) * 100) / 100,
        planMsPerTicket: Math.round((s.planMs / n) * 100) / 100,
      })),
    topStatements: statements
      .sort((a, b) => b.totalMs + b.planMs - (a.totalMs + a.planMs))
      .slice(0, 15)
      .map((s) => ({
        schema: s.schema,
        query: s.query.replace(/\s+/g, ' ').slice(0, 140),
        callsPerTicket: round1(s.calls / n),
        msPerTicket: Math.round((s.totalMs / n) * 100) / 100,
        planMsPerTicket: Math.round((s.planMs / n) * 100) / 100,
      })),
  };
}

const closedLoop = (concurrency: number) => async (driver: LoadDriver) => {
  const runs: TicketRun[] = [];
  let left = TICKETS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left > 0) {
        left--;
        runs.push(await driver.submitOnly());
      }
    }),
  );
  return runs;
};

const openLoop = (rate: number) => async (driver: LoadDriver) => {
  const from = performance.now();
  const pending: Promise<TicketRun>[] = [];
  while (pending.length < TICKETS) {
    const due = Math.min(TICKETS, Math.floor(((performance.now() - from) / 1000) * rate) + 1);
    while (pending.length < due) pending.push(driver.submitOnly());
    await sleep(5);
  }
  return Promise.all(pending);
};

async function runSetup(
  kind: string,
  pg: Postgres,
  brokers: string[] | null,
  kafkaPid: (() => number | undefined) | null,
): Promise<SetupResults> {
  const databaseUrl = await freshDatabase(pg.url, `intake_${kind}`);
  const db = await Db.open(databaseUrl);
  await db.q('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const dataDir = mkdtempSync(join(dataTmp(), 'intake-data-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'intake-prof-'));
  const passed = Object.fromEntries(
    PASS_THROUGH.filter((k) => process.env[k]).map((k) => [k, process.env[k]!]),
  );
  const settings = { ...passed, ...(NODE_FLAGS ? { 'node flags': NODE_FLAGS } : {}) };
  const heapDir = mkdtempSync(join(tmpdir(), 'intake-heap-'));
  const env = serviceEnv(
    PG_SOCKET ? `${databaseUrl}?host=${encodeURIComponent(PG_SOCKET)}` : databaseUrl,
    dataDir,
    {
      ...passed,
      ...hookEnv(heapDir, PROFILE_ROUND ? { dir: profileDir, name: kind } : null, NODE_FLAGS),
      ...(brokers
        ? { KAFKA_BROKERS: brokers.join(','), KAFKA_TOPIC_PREFIX: `intake${Date.now().toString(36)}.` }
        : {}),
    },
  );
  progress(`${kind}: starting`);
  const system: RunningSystem =
    kind === 'standalone' ? await startStandalone(env) : await startDistributedSystem(env);
  const driver = new LoadDriver(system.routes, { ticketDeadlineMs: 120000, pollMs: 50 });
  const monitorFor = () => {
    const m = new ProcessMonitor();
    for (const [name, s] of Object.entries(system.services)) m.track(name, () => s.pid());
    m.track('postgres', () => pg.pid(), true);
    if (kafkaPid) m.track('kafka (JVM)', kafkaPid);
    m.track('load generator', () => process.pid);
    return m;
  };
  const rounds: Round[] = [];
  try {
    await driver.prepare(20);
    await waitForDirectory(databaseUrl, 20);
    if (BREACH_PROBE > 0) {
      const policy = await driver.users.as(
        'committee',
        system.routes.sla,
        'POST',
        '/api/v1/sla/policies',
        secondsPolicy(PROBE.category, PROBE.urgency, 5, 2),
      );
      if (policy.status !== 201)
        throw new Error(`breach probe's policy refused: ${JSON.stringify(policy.body)}`);
    }
    const known = await schemas(db);
    // Warm-up: JIT, pools, caches; not reported.
    progress(`${kind}: warm-up (50 tickets at concurrency 4)`);
    await runRound(
      'warm-up',
      driver,
      db,
      known,
      monitorFor,
      closedLoopN(4, 50),
      null,
      kind === 'distributed',
    );
    if (WHATIF_SQL) {
      progress(`${kind}: what-if: ${WHATIF_SQL}`);
      await db.q(WHATIF_SQL);
    }
    const plan: [string, (d: LoadDriver) => Promise<TicketRun[]>][] = [
      ...CONCURRENCY.map(
        (c) => [`c${c}`, closedLoop(c)] as [string, (d: LoadDriver) => Promise<TicketRun[]>],
      ),
      ...RATES.map((r) => [`r${r}`, openLoop(r)] as [string, (d: LoadDriver) => Promise<TicketRun[]>]),
    ];
    for (const [name, submit] of plan) {
      progress(`${kind}: round ${name} (${TICKETS} tickets)`);
      const profiled = name === PROFILE_ROUND;
      const r = await runRound(
        name,
        driver,
        db,
        known,
        monitorFor,
        submit,
        profiled ? profileDir : null,
        kind === 'distributed',
      );
      if (profiled) {
        await sleep(1500);
        const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
        if (file) {
          const s = summariseProfile(join(profileDir, file), 25);
          if (process.env.INTAKE_KEEP_PROFILE)
            copyFileSync(join(profileDir, file), join(dataTmp(), `${OUT}-${name}.cpuprofile`));
          r.profile = { windowMs: s.totalMs, frames: s.frames, packages: s.packages };
        }
      }
      progress(
        `${kind} ${name}: ${r.acceptedPerSecond}/s, submit p50/p99 ${r.submitP50Ms}/${r.submitP99Ms} ms, assigned p50/p99 ${r.assignedP50Ms}/${r.assignedP99Ms} ms, CPU-ms/ticket ${JSON.stringify(r.cpuMsPerTicket)}`,
      );
      rounds.push(r);
    }
    const heap: Record<string, HeapFigures> = {};
    for (const [name, s] of Object.entries(system.services)) {
      const figures = readHeapFigures(heapDir, s.pid());
      if (figures) heap[name] = figures;
    }
    return { setup: kind, rounds, settings, heap };
  } finally {
    await system.stop().catch(() => undefined);
    await db.c.end().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const closedLoopN = (concurrency: number, tickets: number) => async (driver: LoadDriver) => {
  const runs: TicketRun[] = [];
  let left = tickets;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (left-- > 0) runs.push(await driver.submitOnly());
    }),
  );
  return runs;
};

function dataTmp(): string {
  const dir = join(repoRoot, '.data', 'load-tmp');
  mkdirSync(dir, { recursive: true });
  return dir;
}

const fmt = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function markdown(at: string, command: string, pgbench: PgbenchFigures, results: SetupResults[]): string {
  const tps = pgbench.tps;
  const lines = [
    `## Intake bench, ${at}`,
    '',
    `Command: \`${command}\``,
    '',
    `Ceiling (same PostgreSQL, same run): pgbench single-row INSERT **${tps ?? 'n/a'} tps**${tps ? ` (\`${pgbench.command}\`)` : ` — ${pgbench.reason}`}.`,
  ];
  for (const r of results) {
    lines.push(
      '',
      `### ${r.setup}${Object.keys(r.settings).length ? ` (${fmt(r.settings as unknown as Record<string, number>)})` : ''}`,
      '',
      `${TICKETS} tickets per round, after a 50-ticket warm-up. A round's CPU is counted from its first submit until every consumer applied every event it caused.`,
      '',
      `Heap of each service over its whole life (start, warm-up and every round), MB live after a full GC / committed at the peak, full / young GCs, their pauses in ms: ${
        Object.entries(r.heap)
          .map(
            ([name, h]) =>
              `${name} ${h.liveAfterFullGcMb} / ${h.heapTotalPeakMb}, ${h.fullGcs} / ${h.youngGcs}, ${h.gcPauseMs}`,
          )
          .join('; ') || 'n/a'
      }.`,
      '',
      '| round | accepted/s | % of pgbench tps | submit p50 / p99 ms | submit → 待签收 p50 / p99 ms | drain after last 201 s | completed/s (first submit → every consumer done) | CPU-ms/ticket: all but the load generator (services, PostgreSQL, Kafka if any) | Node | PostgreSQL | statements/ticket | transactions/ticket | events/ticket | PG connections (peak) |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const x of r.rounds) {
      const node = Object.entries(x.cpuMsPerTicket)
        .filter(([k]) => !['postgres', 'load generator', 'kafka (JVM)', 'service + PostgreSQL'].includes(k))
        .reduce((a, [, v]) => a + v, 0);
      lines.push(
        `| ${x.name} | ${x.acceptedPerSecond} | ${tps ? ((x.acceptedPerSecond / tps) * 100).toFixed(2) : 'n/a'} | ${x.submitP50Ms} / ${x.submitP99Ms} | ${x.assignedP50Ms} / ${x.assignedP99Ms} | ${x.drainSeconds} | ${x.completedPerSecond} | **${x.cpuMsPerTicket['service + PostgreSQL']}** | ${round1(node)} | ${x.cpuMsPerTicket.postgres} | ${x.statementsPerTicket.total} | ${x.transactionsPerTicket} | ${x.eventsPerTicket.total} | ${x.connections.peak} |`,
      );
    }
    for (const x of r.rounds) {
      lines.push(
        '',
        `#### ${r.setup} ${x.name}: ${x.accepted}/${x.tickets} accepted, ${x.assignedCount} assigned`,
        '',
        `- CPU-ms per ticket by process: ${fmt(x.cpuMsPerTicket)}`,
        ...(x.legsMs
          ? [
              `- submit → 待签收 by leg, p50 / p99 ms: submit → routed (dispatch.decided written) ${x.legsMs.routed.join(' / ')}, routed → 待签收 ${x.legsMs.assigned.join(' / ')}`,
            ]
          : []),
        `- socket writes per ticket by Node process (write and writev system calls, /proc/PID/io syscw; each statement or batch of statements sent to PostgreSQL is one): ${fmt(x.writeCallsPerTicket)}`,
        `- PostgreSQL CPU-ms per ticket by connection (application_name) or server process: ${fmt(sortedDesc(x.postgresCpuMsPerTicket ?? {}))}`,
        `- peak RSS MB: ${fmt(x.rssMb)}`,
        `- statements per ticket by schema: ${fmt(x.statementsPerTicket)}`,
        `- statement execution ms per ticket by schema (pg_stat_statements total_exec_time): ${fmt(x.statementMsPerTicket)}`,
        `- statement planning ms per ticket by schema (pg_stat_statements total_plan_time): ${fmt(x.planMsPerTicket ?? {})}`,
        `- transactions per ticket (pg_stat_database commits + rollbacks): ${x.transactionsPerTicket}`,
        `- events per ticket by schema (outbox rows): ${fmt(x.eventsPerTicket)}; ${x.eventBytesPerTicket} envelope bytes per ticket`,
        `- row writes per ticket by table (inserted / updated, of which HOT / deleted): ${Object.entries(
          x.rowWritesPerTicket ?? {},
        )
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, w]) => `${t} ${w.ins} / ${w.upd} (${w.hot} HOT) / ${w.del}`)
          .join(', ')}`,
        `- PostgreSQL connections at the peak, by application_name: ${fmt(x.connections.byApplication)}`,
        `- the services' backends when not idle, % of ${x.activity.sightings} sightings every 50 ms (idle in transaction: waiting for the service): ${fmt(x.activity.shares)}`,
        ...(x.breach
          ? [
              `- SLA detection under this load (INTAKE_BREACH_PROBE=${BREACH_PROBE}: ${x.breach.probes} probe tickets with a 5 s respond clock, their CPU in the round's): planned → fired over ${x.breach.steps} steps (warning, breach, urge) p50 ${x.breach.p50Ms} ms, p99 ${x.breach.p99Ms} ms, max ${x.breach.maxMs} ms; breaches p99 ${x.breach.breachP99Ms} ms; ${x.breach.unfired} not fired within 60 s`,
            ]
          : []),
        '',
        '| top statements by execution + planning time | schema | calls/ticket | execution ms/ticket | planning ms/ticket |',
        '|---|---|---|---|---|',
        ...x.topStatements.map(statementLine),
      );
      if (x.name === PROFILE_ROUND)
        lines.push(
          '',
          `Every statement run at least once per ten tickets in ${x.name}, by calls:`,
          '',
          '| statement | schema | calls/ticket | execution ms/ticket | planning ms/ticket |',
          '|---|---|---|---|---|',
          ...x.frequentStatements.map(statementLine),
        );
      if (x.profile) {
        lines.push(
          '',
          `CPU profile of the service over this round (${(x.profile.windowMs / 1000).toFixed(0)} s), self time:`,
          '',
          '| by package | % |',
          '|---|---|',
          ...x.profile.packages.map((h) => `| ${h.frame} | ${h.selfPercent} |`),
          '',
          '| top frames | % |',
          '|---|---|',
          ...x.profile.frames.map((h) => `| \`${h.frame}\` | ${h.selfPercent} |`),
        );
      }
    }
  }
  return lines.join('\n');
}

async function main() {
  const at = new Date().toISOString();
  const envShown = [
    ...[
      'INTAKE_TICKETS',
      'INTAKE_CONCURRENCY',
      'INTAKE_RATES',
      'INTAKE_SETUPS',
      'INTAKE_OUT',
      'INTAKE_PROFILE_ROUND',
      'INTAKE_BREACH_PROBE',
      'INTAKE_WHATIF_SQL',
      'INTAKE_PG_SOCKET',
      'INTAKE_NODE_FLAGS',
      ...PASS_THROUGH,
    ]
      .filter((k) => process.env[k] !== undefined)
      .map((k) => `${k}=${/\s/.test(process.env[k]!) ? `'${process.env[k]}'` : process.env[k]}`),
  ];
  const command = [...envShown, 'npm run bench:intake'].join(' ');
  progress('starting PostgreSQL (.data/intake-postgres, pg_stat_statements preloaded)');
  // PostgreSQL may run as another user (as root, the embedded server runs as postgres): it must write there.
  if (PG_SOCKET) {
    mkdirSync(PG_SOCKET, { recursive: true });
    chmodSync(PG_SOCKET, 0o777);
  }
  const pg = await startPostgres('intake', {
    shared_preload_libraries: 'pg_stat_statements',
    // Planning is a statement's cost too: TypeORM and node-pg send unnamed statements, planned every time.
    'pg_stat_statements.track_planning': 'on',
    'pg_stat_statements.track': 'top',
    'pg_stat_statements.max': '5000',
    ...(PG_SOCKET ? { unix_socket_directories: PG_SOCKET } : {}),
  });
  const kafka = SETUPS.includes('distributed')
    ? startKafka('intake', 39392)
    : { broker: null, reason: 'distributed setup not requested' };
  const results: SetupResults[] = [];
  let pgbench: PgbenchFigures = { tps: null };
  try {
    // A server adopted from an earlier run may lack the preload: say so rather than fail later.
    const check = new Client({ connectionString: pg.url('postgres') });
    await check.connect();
    const preload = (await check.query('SHOW shared_preload_libraries')).rows[0].shared_preload_libraries;
    await check.end();
    if (!String(preload).includes('pg_stat_statements'))
      throw new Error(
        `the PostgreSQL in .data/intake-postgres runs without pg_stat_statements (adopted from an earlier run?): stop it and run again`,
      );
    progress('ceiling: pgbench single-row INSERT, -c 8 -j 2 -T 15');
    pgbench = await pgbenchInsertCeiling(pg);
    progress(`ceiling: pgbench ${pgbench.tps ?? 'n/a'} tps ${pgbench.reason ?? ''}`);
    for (const setup of SETUPS) {
      if (setup === 'distributed' && !kafka.broker) {
        progress(`distributed: skipped (${kafka.reason})`);
        continue;
      }
      results.push(
        await runSetup(
          setup,
          pg,
          setup === 'distributed' ? kafka.broker!.brokers : null,
          setup === 'distributed' ? () => kafka.broker!.pid() : null,
        ),
      );
      writeResults(OUT, { at, command, pgbench, results }, markdown(at, command, pgbench, results));
    }
  } finally {
    kafka.broker?.stop();
    await pg.stop();
  }
  const md = markdown(at, command, pgbench, results);
  writeResults(OUT, { at, command, pgbench, results }, md);
  process.stdout.write(md + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
