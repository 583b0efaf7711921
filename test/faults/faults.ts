/**
 * npm run test:faults — a steady load on the distributed system (one process per service, one
 * PostgreSQL, one Kafka broker, all on loopback) while, in turn: every service is killed with
 * SIGKILL and restarted; the Kafka broker is stopped and started again; PostgreSQL is stopped
 * (fast shutdown) and started again on the same port and data directory; and a burst of malformed
 * requests is sent. Then it checks that nothing was lost or duplicated:
 *  - every ticket whose submit returned 201 reached the state its script drove it to (closed);
 *  - no ticket was created twice; every event of every service is in the ledger exactly once,
 *    each ticket's lifecycle events once each, and the ledger's hash chain verifies;
 *  - no malformed request got a 5xx, and none wrote anything.
 * Prints the counts and `N passed, N failed`; exits 1 on any failure.
 *
 * Env: FAULTS_RATE (tickets/s, 2), FAULTS_SETTLE_S (seconds of load after each fault, 4).
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES } from '@ticketing/testing';
import { Client } from 'pg';
import { repoRoot } from '../../bench/bench-infra';
import { LoadDriver, TicketRun } from '../../bench/load/driver';
import { call, sleep } from '../../bench/load/http';
import { startKafka, startPostgres } from '../../bench/load/infra';
import {
  freshDatabase,
  RunningSystem,
  serviceEnv,
  startDistributedSystem,
  waitForDirectory,
} from '../../bench/load/system';
import { malformedRequests } from './malformed';

const RATE = Number(process.env.FAULTS_RATE ?? 2);
const SETTLE_S = Number(process.env.FAULTS_SETTLE_S ?? 4);
const KAFKA_PORT = Number(process.env.FAULTS_KAFKA_PORT ?? 39292);
const started = Date.now();
const log = (line: string) =>
  process.stderr.write(`[faults +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`);

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
const checks: Check[] = [];
const check = (name: string, ok: boolean, detail: string) => {
  checks.push({ name, ok, detail });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
};

/** Arrivals at a steady rate until stopped; the driver carries each ticket through its whole life. */
function steadyLoad(driver: LoadDriver, rate: number): { stop: () => Promise<void> } {
  let running = true;
  const loop = (async () => {
    const t0 = performance.now();
    let sent = 0;
    while (running) {
      const due = Math.floor(((performance.now() - t0) / 1000) * rate);
      while (sent < due) {
        driver.arrive();
        sent++;
      }
      await sleep(20);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function healthy(url: string): Promise<boolean> {
  const r = await call(url, 'GET', '/health', { timeoutMs: 2000 });
  return r.status === 200;
}

async function waitHealthy(system: RunningSystem, timeoutMs = 90000): Promise<string[]> {
  const end = Date.now() + timeoutMs;
  let sick: string[] = [];
  while (Date.now() < end) {
    sick = [];
    for (const [name, s] of Object.entries(system.services)) if (!(await healthy(s.url))) sick.push(name);
    if (!sick.length) return [];
    if (Math.round((end - Date.now()) / 500) % 20 === 0) log(`waiting for /health of ${sick.join(', ')}`);
    await sleep(500);
  }
  for (const name of sick)
    log(`${name} still unhealthy; its last output:\n${system.services[name].output().slice(-3000)}`);
  return sick;
}

/** A service that died on its own (not killed by us) is a finding; restart it so the run goes on. */
async function reviveDead(system: RunningSystem, during: string, deaths: string[]): Promise<void> {
  for (const [name, s] of Object.entries(system.services)) {
    const pid = s.pid();
    let alive = !!pid;
    try {
      if (pid) process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (!alive) {
      deaths.push(`${name} exited during "${during}": ${s.output().slice(-1500)}`);
      log(`${name} exited on its own during "${during}"; restarting it`);
      await s.start();
    }
  }
}

async function counts(db: Client): Promise<Map<string, number>> {
  const tables = (
    await db.query(
      `SELECT table_schema, table_name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema IN ('identity', 'ticket')`,
    )
  ).rows as { table_schema: string; table_name: string }[];
  const out = new Map<string, number>();
  for (const t of tables) {
    const n = (await db.query(`SELECT count(*)::int AS n FROM "${t.table_schema}"."${t.table_name}"`)).rows[0]
      .n as number;
    out.set(`${t.table_schema}.${t.table_name}`, n);
  }
  return out;
}

async function outboxSchemas(db: Client): Promise<string[]> {
  return (
    await db.query(
      `SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema <> 'ledger'`,
    )
  ).rows.map((r) => r.table_schema as string);
}

/**
 * Every outbox published and the ledger holding every event, or no progress for 30 s: the system
 * is at rest. The ledger appends one event at a time on one chain and may trail far behind.
 */
async function quiesce(db: Client, timeoutMs: number): Promise<{ unpublished: number; notInLedger: number }> {
  const schemas = await outboxSchemas(db);
  const end = Date.now() + timeoutMs;
  let state = { unpublished: -1, notInLedger: -1 };
  let lastProgress = Date.now();
  while (Date.now() < end) {
    let unpublished = 0;
    let notInLedger = 0;
    for (const s of schemas) {
      const r = (
        await db.query(
          `SELECT count(*) FILTER (WHERE o.published_at IS NULL)::int AS u,
                  count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ledger.entries e WHERE e.event_id = o.id))::int AS m
             FROM "${s}".outbox o`,
        )
      ).rows[0];
      unpublished += r.u;
      notInLedger += r.m;
    }
    if (unpublished !== state.unpublished || notInLedger !== state.notInLedger) lastProgress = Date.now();
    state = { unpublished, notInLedger };
    if (!unpublished && !notInLedger) return state;
    if (Date.now() - lastProgress > 30000) return state;
    log(`settling: ${unpublished} unpublished, ${notInLedger} not yet in the ledger`);
    await sleep(3000);
  }
  return state;
}

async function main(): Promise<void> {
  log(
    `steady load ${RATE} tickets/s; PostgreSQL .data/faults-postgres; Kafka .data/faults-kafka on ${KAFKA_PORT}`,
  );
  const pg = await startPostgres('faults');
  const kafka = startKafka('faults', KAFKA_PORT);
  if (!kafka.broker) {
    check('Kafka broker available', false, kafka.reason ?? 'unknown');
    await pg.stop();
    return;
  }
  const broker = kafka.broker;
  const databaseUrl = await freshDatabase(pg.url, 'faults');
  mkdirSync(join(repoRoot, '.data', 'load-tmp'), { recursive: true });
  const dataDir = mkdtempSync(join(repoRoot, '.data', 'load-tmp', 'faults-'));
  const env = serviceEnv(databaseUrl, dataDir, {
    KAFKA_BROKERS: broker.brokers.join(','),
    KAFKA_TOPIC_PREFIX: `faults${Date.now().toString(36)}.`,
  });
  let system: RunningSystem | undefined;
  const db = new Client({ connectionString: databaseUrl });
  db.on('error', () => undefined); // PostgreSQL is restarted on purpose; we reconnect below
  try {
    system = await startDistributedSystem(env);
    log(
      `services up: ${Object.entries(system.services)
        .map(([n, s]) => `${n}@${s.port}`)
        .join(', ')}`,
    );
    const driver = new LoadDriver(system.routes, { ticketDeadlineMs: 300000, pollMs: 200 });
    await driver.prepare(20);
    await waitForDirectory(databaseUrl, 20);
    driver.startDepartments();
    const deaths: string[] = [];

    // 1. Faults under a steady load.
    const load = steadyLoad(driver, RATE);
    await sleep(SETTLE_S * 1000);
    for (const name of SERVICES) {
      log(`SIGKILL ${name}`);
      await system.services[name].kill('SIGKILL');
      await sleep(1000);
      await system.services[name].start();
      await sleep(SETTLE_S * 1000);
      await reviveDead(system, `kill ${name}`, deaths);
    }
    log('stopping the Kafka broker');
    broker.stop();
    await sleep(3000);
    log('starting the Kafka broker again');
    broker.start();
    await sleep(SETTLE_S * 1000);
    await reviveDead(system, 'Kafka restart', deaths);
    const sickAfterKafka = await waitHealthy(system);
    log('stopping PostgreSQL (fast shutdown)');
    await pg.stop();
    await sleep(3000);
    log(`starting PostgreSQL again on port ${pg.port}`);
    await pg.start();
    await sleep(SETTLE_S * 1000);
    await reviveDead(system, 'PostgreSQL restart', deaths);
    const sickAfterPg = await waitHealthy(system);
    await sleep(SETTLE_S * 1000);
    await load.stop();

    // 2. Let every ticket finish, then bring the system to rest for the malformed burst.
    log(
      `load stopped after ${driver.counters.accepted} accepted submits; waiting for ${driver.inFlight} tickets in flight`,
    );
    const waitEnd = Date.now() + 300000;
    while (driver.inFlight > 0 && Date.now() < waitEnd) {
      await sleep(2000);
      log(`${driver.inFlight} tickets in flight (closed ${driver.counters.closed})`);
    }
    // Scripts that gave up while a fault slowed the system down are picked up again from the
    // state the system holds: the check is whether the system lost anything, not the driver's patience.
    const unfinished = driver.runs.filter((r) => r.id && r.state !== 'closed');
    if (unfinished.length) log(`finishing ${unfinished.length} tickets whose scripts gave up`);
    for (let i = 0; i < unfinished.length; i += 25) {
      await Promise.all(
        unfinished.slice(i, i + 25).map((r) =>
          driver.finish(r, 120000).catch((e) => {
            r.error = `finish: ${(e as Error).message}`;
          }),
        ),
      );
    }
    await db.connect();
    const rest = await quiesce(db, 240000);
    log(`at rest: ${rest.unpublished} unpublished, ${rest.notInLedger} not in the ledger`);
    if (rest.notInLedger) {
      // Where it stuck: which topics and partitions the ledger has not reached, and what it said.
      const behind = await db.query(
        `SELECT o.topic, o.type, count(*)::int AS n, min(o.created_at) AS first FROM (
           ${(await outboxSchemas(db)).map((s) => `SELECT id, topic, type, created_at FROM "${s}".outbox`).join(' UNION ALL ')}
         ) o WHERE NOT EXISTS (SELECT 1 FROM ledger.entries e WHERE e.event_id = o.id)
         GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20`,
      );
      log(`not in the ledger, by topic and type: ${JSON.stringify(behind.rows)}`);
      log(`the ledger's last output:\n${system.services.ledger.output().slice(-6000)}`);
    }

    // 3. Malformed requests, against a quiet system so that any write shows.
    const anyTicket = driver.runs.find((r) => r.id)?.id ?? '00000000-0000-7000-8000-000000000000';
    const tokens = {
      enterprise: await driver.users.token('load-ent-0'),
      department: await driver.users.token('dept-justice'),
      admin: await driver.users.token('admin'),
    };
    const before = await counts(db);
    const burst = malformedRequests(system.routes, tokens, anyTicket);
    const answers: { name: string; status: number; body: unknown }[] = [];
    for (let round = 0; round < 3; round++) {
      const replies = await Promise.all(burst.map(async (m) => ({ name: m.name, r: await m.send() })));
      for (const { name, r } of replies) answers.push({ name, status: r.status, body: r.body });
    }
    await sleep(2000);
    const after = await counts(db);
    const changed = [...after.entries()]
      .filter(([t, n]) => before.get(t) !== n)
      .map(([t, n]) => `${t} ${before.get(t)}→${n}`);
    const malformed5xx = answers.filter((a) => a.status >= 500 || a.status === 0);
    const accepted2xx = answers.filter((a) => a.status >= 200 && a.status < 300);
    await driver.stopDepartments();

    // 4. The checks.
    const c = driver.counters;
    const accepted = driver.runs.filter((r): r is TicketRun & { id: string } => !!r.id);
    const ids = accepted.map((r) => r.id);
    const states = new Map<string, string>(
      (
        await db.query(`SELECT id::text, status FROM ticket.tickets WHERE id = ANY($1::uuid[])`, [ids])
      ).rows.map((r) => [r.id, r.status]),
    );
    const lost = accepted.filter((r) => states.get(r.id) !== 'closed');
    const totalTickets = (await db.query(`SELECT count(*)::int AS n FROM ticket.tickets`)).rows[0]
      .n as number;
    const duplicateTickets = totalTickets - new Set(ids).size;

    const schemas = await outboxSchemas(db);
    let events = 0;
    let missing = 0;
    for (const s of schemas) {
      const r = (
        await db.query(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ledger.entries e WHERE e.event_id = o.id))::int AS m FROM "${s}".outbox o`,
        )
      ).rows[0];
      events += r.n;
      missing += r.m;
    }
    const ledgerDupIds = (
      await db.query(
        `SELECT count(*)::int AS n FROM (SELECT event_id FROM ledger.entries GROUP BY event_id HAVING count(*) > 1) d`,
      )
    ).rows[0].n as number;
    // Each ticket's script makes each of these happen exactly once; a second one would be a duplicate effect.
    const once = [
      'ticket.submitted',
      'dispatch.decided',
      'ticket.assigned',
      'ticket.acknowledged',
      'ticket.resolved',
      'ticket.replied',
      'ticket.feedback-given',
      'ticket.closed',
    ];
    const perTicket = (
      await db.query(
        `SELECT ticket_id, type, count(*)::int AS n FROM ledger.entries WHERE ticket_id = ANY($1) AND type = ANY($2) GROUP BY ticket_id, type`,
        [ids, once],
      )
    ).rows as { ticket_id: string; type: string; n: number }[];
    const dupEffects = perTicket.filter((r) => r.n > 1);
    const closedIds = new Set(accepted.filter((r) => states.get(r.id) === 'closed').map((r) => r.id));
    const seen = new Map<string, number>();
    for (const r of perTicket)
      if (closedIds.has(r.ticket_id)) seen.set(r.ticket_id, (seen.get(r.ticket_id) ?? 0) + 1);
    const incomplete = [...closedIds].filter((id) => (seen.get(id) ?? 0) !== once.length);
    const committee = await driver.users.token('committee');
    const verify = await call(system.routes.ledger, 'GET', '/api/v1/ledger/verify', {
      token: committee,
      timeoutMs: 120000,
    });

    process.stdout.write(
      [
        '',
        `submitted (201): ${accepted.length} of ${c.arrivals} arrivals`,
        `completed (closed): ${accepted.length - lost.length}`,
        `lost: ${lost.length}`,
        `duplicated tickets: ${duplicateTickets}; duplicated ledger events: ${ledgerDupIds}; duplicated lifecycle effects: ${dupEffects.length}`,
        `5xx answers during the run: ${c.serverErrors}; connection errors: ${c.connectionErrors}; retried steps: ${c.retries}; 409s: ${c.conflicts}`,
        `events in outboxes: ${events}; missing from the ledger: ${missing}`,
        `malformed requests: ${answers.length}; 5xx: ${malformed5xx.length}; 2xx: ${accepted2xx.length}; tables changed: ${changed.length}`,
        '',
      ].join('\n'),
    );
    check(
      'every service healthy after the Kafka restart',
      !sickAfterKafka.length,
      sickAfterKafka.length ? `unhealthy: ${sickAfterKafka.join(', ')}` : 'all healthy',
    );
    check(
      'every service healthy after the PostgreSQL restart',
      !sickAfterPg.length,
      sickAfterPg.length ? `unhealthy: ${sickAfterPg.join(', ')}` : 'all healthy',
    );
    check(
      'no service died of a fault it was not sent',
      !deaths.length,
      deaths.length ? deaths.join('\n') : 'none',
    );
    check('load was accepted', accepted.length > RATE * 10, `${accepted.length} tickets submitted with 201`);
    check(
      'every ticket with a 201 was closed (nothing lost)',
      lost.length === 0,
      lost.length
        ? `${lost.length} not closed, e.g. ${lost
            .slice(0, 5)
            .map((r) => `${r.id}: ${states.get(r.id)} (${r.state}${r.error ? `: ${r.error}` : ''})`)
            .join('; ')}`
        : `${accepted.length} closed`,
    );
    check(
      'no ticket created twice',
      duplicateTickets === 0,
      `${totalTickets} tickets for ${new Set(ids).size} accepted submits`,
    );
    check('every event is in the ledger', missing === 0 && events > 0, `${events - missing}/${events}`);
    check('no event twice in the ledger', ledgerDupIds === 0, `${ledgerDupIds} event ids twice`);
    check(
      'each lifecycle step once per ticket in the ledger',
      dupEffects.length === 0 && incomplete.length === 0,
      dupEffects.length || incomplete.length
        ? `${dupEffects.length} duplicated (e.g. ${dupEffects
            .slice(0, 3)
            .map((d) => `${d.ticket_id} ${d.type}×${d.n}`)
            .join(', ')}), ${incomplete.length} incomplete`
        : `${closedIds.size} tickets × ${once.length} steps`,
    );
    check(
      'the ledger verifies',
      verify.status === 200 && verify.body?.ok === true,
      `${verify.status} ${JSON.stringify(verify.body).slice(0, 300)}`,
    );
    check(
      'no malformed request got a 5xx',
      malformed5xx.length === 0,
      malformed5xx.length
        ? malformed5xx.map((a) => `${a.name}: ${a.status}`).join('; ')
        : `${answers.length} answered 4xx`,
    );
    check(
      'no malformed request was accepted',
      accepted2xx.length === 0,
      accepted2xx.length ? accepted2xx.map((a) => `${a.name}: ${a.status}`).join('; ') : 'none',
    );
    check(
      'no malformed request wrote anything',
      changed.length === 0,
      changed.length ? changed.join(', ') : `${before.size} tables unchanged`,
    );
    if (c.errorSamples.length) log(`sample errors seen by the load:\n  ${c.errorSamples.join('\n  ')}`);
    // A 500 is an error nobody classified: show what the services logged under its correlation id.
    for (const id of c.errorSamples.flatMap((e) =>
      e.includes('"status":500') ? (e.match(/"correlationId":"([0-9a-f-]+)"/)?.slice(1) ?? []) : [],
    )) {
      for (const [name, s] of Object.entries(system.services)) {
        const lines = s
          .output()
          .split('\n')
          .filter((l) => l.includes(id));
        if (lines.length) log(`${name}'s log for ${id}:\n  ${lines.join('\n  ').slice(0, 4000)}`);
      }
    }
  } finally {
    await db.end().catch(() => undefined);
    if (system) await system.stop().catch(() => undefined);
    broker.stop();
    await pg.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main()
  .catch((e) => check('fault run completed', false, (e as Error).stack ?? String(e)))
  .finally(() => {
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(`${checks.length - failed} passed, ${failed} failed\n`);
    process.exit(failed ? 1 : 0);
  });
