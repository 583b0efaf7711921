/**
 * npm run bench:sla — the SLA engine under a million open timers, on real PostgreSQL:
 *  1. holds BENCH_TIMERS (default 1,000,000) open resolve timers (and their ~3 pending firings each),
 *     bulk-inserted with generate_series;
 *  2. breach-detection latency: a stream of short wall-clock timers opened through the real consumer
 *     path (ticket.assigned events), each with a 50% warning, a breach and an escalation; latency is
 *     fire_at → fired (the moment the event is written to the outbox, in the claiming transaction);
 *  3. the time to recompute every open timer after a policy change (the default policy's resolve
 *     goes from 5 to 6 working days), while a second stream keeps firing;
 *  4. resident memory of the service process.
 */
import 'reflect-metadata';
import { newId } from '@ticketing/contracts';
import { RunningService } from '@ticketing/platform';
import { Client } from 'pg';
import { ensureDatabase, startEmbeddedPostgres } from '@ticketing/database';
import { join } from 'node:path';
import { percentile, progress, repoRoot, writeResults } from '../bench-infra';
import { api, assigned, deliver, secondsPolicy, users, startSla } from '../../apps/sla/test/sla-test-kit';

const TIMERS = Number(process.env.BENCH_TIMERS ?? 1_000_000);
const STREAM_SECONDS = Number(process.env.BENCH_STREAM_SECONDS ?? 30);
const STREAM_RATE = Number(process.env.BENCH_STREAM_RATE ?? 50); // new short timers per second

async function q<T = Record<string, unknown>>(c: Client, text: string, params: unknown[] = []): Promise<T[]> {
  return (await c.query(text, params)).rows as T[];
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const r = await fn();
  const ms = Date.now() - t0;
  progress(`${label}: ${(ms / 1000).toFixed(1)} s`);
  return [r, ms];
}

async function bulkLoad(c: Client, policyId: string): Promise<void> {
  const chunk = 250_000;
  for (let from = 1; from <= TIMERS; from += chunk) {
    const to = Math.min(TIMERS, from + chunk - 1);
    await q(
      c,
      `INSERT INTO sla.tickets (ticket_id, enterprise_id, category, urgency, status, lead_department_id)
                SELECT 'bench-' || g, 'ent-' || (g % 5000), 'labour', 'normal', 'in_progress', 'dep-' || (g % 40)
                  FROM generate_series($1::int, $2::int) g`,
      [from, to],
    );
    // Started within the last hour, due a week later: nothing of the bulk fires during the run. Ids are
    // time-ordered like the service's UUIDv7 ones, so the indexes see the locality they see in production.
    await q(
      c,
      `WITH t AS (
                  INSERT INTO sla.timers (id, ticket_id, kind, department_id, policy_id, policy_version, calendar_id, basis,
                                          started_at, budget_ms, pause_when, due_at, state)
                  SELECT ('01900000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'bench-' || g, 'resolve', 'dep-' || (g % 40),
                         $3, 1, 'default', 'working', now() - random() * interval '1 hour', 42 * 3600000, '{extension_pending}',
                         now() + interval '7 days' + random() * interval '1 day', 'running'
                    FROM generate_series($1::int, $2::int) g
                  RETURNING id, due_at)
                INSERT INTO sla.timer_firings (timer_id, step, step_index, fire_at)
                SELECT t.id, s.step, s.idx, t.due_at + s.shift FROM t
                 CROSS JOIN (VALUES ('warning:80%', 0, interval '-1 day'), ('breach', 0, interval '0'), ('escalation:urge', 0, interval '0')) AS s(step, idx, shift)`,
      [from, to, policyId],
    );
    progress(`loaded ${to.toLocaleString()} timers`);
  }
  await q(c, 'ANALYZE sla.timers');
  await q(c, 'ANALYZE sla.timer_firings');
  await q(c, 'ANALYZE sla.tickets');
}

/** Opens STREAM_RATE short timers per second for `seconds` through the consumer; returns their ticket ids. */
async function stream(sla: RunningService, seconds: number): Promise<string[]> {
  const tickets: string[] = [];
  const start = Date.now();
  for (let s = 0; s < seconds; s++) {
    const batch = Array.from({ length: STREAM_RATE }, () => `stream-${newId()}`);
    tickets.push(...batch);
    await deliver(
      sla,
      batch.map((id) => assigned({ ticketId: id, category: 'technology', urgency: 'critical' })),
    );
    const wait = start + (s + 1) * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  return tickets;
}

async function latencies(
  c: Client,
  tickets: string[],
): Promise<{ n: number; unfired: number; p50: number; p99: number; max: number }> {
  const rows = await q<{ ms: number | null }>(
    c,
    `SELECT extract(epoch FROM f.fired_at - f.fire_at) * 1000 AS ms FROM sla.timer_firings f JOIN sla.timers t ON t.id = f.timer_id
      WHERE t.ticket_id = ANY($1)`,
    [tickets],
  );
  const fired = rows
    .filter((r) => r.ms !== null)
    .map((r) => Math.max(0, Number(r.ms)))
    .sort((a, b) => a - b);
  return {
    n: fired.length,
    unfired: rows.length - fired.length,
    p50: percentile(fired, 50),
    p99: percentile(fired, 99),
    max: fired[fired.length - 1] ?? NaN,
  };
}

/**
 * A server of its own (not the shared .data/bench-postgres): other benches stop the shared one when
 * they end, which would cut this long run short. Stopped at the end only if this run started it.
 */
async function benchDatabase(name: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(repoRoot, '.data', 'bench-sla-postgres'),
    settings: { shared_buffers: '512MB', max_wal_size: '4GB', max_connections: '100' },
  });
  await ensureDatabase(pg.url, name);
  return { url: pg.url(name), stop: async () => (pg.adopted ? undefined : pg.stop()) };
}

/** A million timers take a few GB: the bench's own database goes when it ends (unless DATABASE_URL was given). */
async function dropDatabase(url: string): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const admin = new Client({ connectionString: u.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

async function main(): Promise<void> {
  const db = await benchDatabase(`sla_bench_${Date.now().toString(36)}`);
  const c = new Client({ connectionString: db.url });
  await c.connect();
  let sla: RunningService | undefined;
  try {
    sla = await startSla(db.url);
    const [{ id: policyId }] = await q<{ id: string }>(
      c,
      `SELECT id FROM sla.policies WHERE subject = 'ticket' AND category = '*' AND urgency = '*' AND active`,
    );
    const [, loadMs] = await timed(`bulk insert of ${TIMERS.toLocaleString()} open timers`, () =>
      bulkLoad(c, policyId!),
    );
    const [{ open, pending }] = await q<{ open: string; pending: string }>(
      c,
      `SELECT (SELECT count(*) FROM sla.timers WHERE state <> 'stopped') AS open, (SELECT count(*) FROM sla.timer_firings WHERE fired_at IS NULL) AS pending`,
    );
    progress(
      `${Number(open).toLocaleString()} open timers, ${Number(pending).toLocaleString()} pending firings`,
    );

    const created = await api(
      sla,
      'POST',
      '/api/v1/sla/policies',
      users.committee,
      secondsPolicy('technology', 'critical', 5, 2),
    );
    if (created.status !== 201) throw new Error(`bench policy refused: ${JSON.stringify(created.body)}`);

    // Phase 1: steady stream, nothing else going on.
    progress(
      `stream: ${STREAM_RATE} timers/s for ${STREAM_SECONDS} s (respond 5 s, warning at 50%, urge 2 s after breach)`,
    );
    const idle = await stream(sla, STREAM_SECONDS);
    await new Promise((r) => setTimeout(r, 9000));
    const idleLat = await latencies(c, idle);
    progress(
      `idle latency: p50 ${idleLat.p50.toFixed(1)} ms, p99 ${idleLat.p99.toFixed(1)} ms, max ${idleLat.max.toFixed(1)} ms over ${idleLat.n} firings`,
    );

    // Phase 2: a policy change recomputes every open timer while a second stream keeps firing.
    const current = await api(sla, 'GET', `/api/v1/sla/policies/${policyId}`, users.committee);
    const definition = current.body.versions[0].definition;
    definition.timers.resolve.duration = { amount: 6, unit: 'working_days' };
    const changeAt = Date.now();
    const edit = await api(sla, 'PUT', `/api/v1/sla/policies/${policyId}`, users.committee, {
      expectedVersion: current.body.versions[0].version,
      definition,
    });
    if (edit.status !== 200) throw new Error(`policy edit refused: ${JSON.stringify(edit.body)}`);
    let busy: string[] = [];
    const streaming = stream(sla, Math.min(STREAM_SECONDS, 20)).then((t) => (busy = t));
    let job: { processed: number; changed: number; finished_at: Date | null; created_at: Date } | undefined;
    for (;;) {
      [job] = await q(
        c,
        `SELECT processed, changed, created_at, finished_at FROM sla.recompute_jobs WHERE target = $1 ORDER BY id DESC LIMIT 1`,
        [policyId],
      );
      if (job?.finished_at) break;
      await new Promise((r) => setTimeout(r, 1000));
      if ((Date.now() - changeAt) % 15000 < 1000)
        progress(`recompute: ${job?.processed.toLocaleString()} timers done`);
    }
    const recomputeMs = job!.finished_at!.getTime() - job!.created_at.getTime();
    progress(
      `recompute of ${job!.processed.toLocaleString()} open timers: ${(recomputeMs / 1000).toFixed(1)} s (${Math.round(job!.processed / (recomputeMs / 1000)).toLocaleString()} timers/s)`,
    );
    await streaming;
    await new Promise((r) => setTimeout(r, 9000));
    const busyLat = await latencies(c, busy);
    progress(
      `latency during recompute: p50 ${busyLat.p50.toFixed(1)} ms, p99 ${busyLat.p99.toFixed(1)} ms, max ${busyLat.max.toFixed(1)} ms over ${busyLat.n} firings`,
    );

    const [{ size }] = await q<{ size: string }>(
      c,
      `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
    );
    const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
    const results = {
      openTimers: Number(open),
      pendingFirings: Number(pending),
      bulkLoadSeconds: loadMs / 1000,
      stream: { ratePerSecond: STREAM_RATE, seconds: STREAM_SECONDS },
      latencyIdleMs: idleLat,
      latencyDuringRecomputeMs: busyLat,
      recompute: { timers: job!.processed, changed: job!.changed, seconds: recomputeMs / 1000 },
      memory: { rssMb, heapUsedMb: heapMb },
      databaseSize: size,
      node: process.version,
      at: new Date().toISOString(),
    };
    const f = (n: number) => n.toFixed(1);
    const md = [
      `# bench:sla (${new Date().toISOString().slice(0, 10)})`,
      '',
      `| figure | value |`,
      `|---|---|`,
      `| open timers held | ${Number(open).toLocaleString()} (${Number(pending).toLocaleString()} pending firings, database ${size}) |`,
      `| breach-detection latency, idle (${idleLat.n} firings) | p50 ${f(idleLat.p50)} ms · p99 ${f(idleLat.p99)} ms · max ${f(idleLat.max)} ms |`,
      `| latency during the recompute (${busyLat.n} firings) | p50 ${f(busyLat.p50)} ms · p99 ${f(busyLat.p99)} ms · max ${f(busyLat.max)} ms |`,
      `| recompute after a policy change | ${job!.processed.toLocaleString()} timers in ${f(recomputeMs / 1000)} s |`,
      `| service memory (RSS) | ${rssMb} MB (heap ${heapMb} MB) |`,
    ].join('\n');
    writeResults('sla', results, md);
    process.stdout.write(md + '\n');
  } finally {
    await sla?.close().catch(() => undefined);
    await c.end().catch(() => undefined);
    await dropDatabase(db.url).catch((e) =>
      progress(`could not drop the bench database: ${(e as Error).message}`),
    );
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench:sla failed: ${(e as Error).stack}\n`);
    process.exit(1);
  },
);
