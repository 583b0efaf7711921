/**
 * npm run bench:ledger — the ledger's figures on real PostgreSQL:
 *  1. append throughput: random ticket lifecycles published on the in-process transport and
 *     consumed by the real service (inbox, hash-chain append as ledger_writer, projections), events/s;
 *  2. 1,000,000 tickets bulk-loaded (facts and stints by generate_series, one hash-chained entry
 *     per ticket computed here and inserted in batches), then the monthly rollup built from them;
 *  3. dashboard overview latency over HTTP with those 1,000,000 tickets (p50/p95), and append
 *     throughput again at that size; 4. how long verify takes over the whole chain.
 *
 * Sizes (env): BENCH_LEDGER_TICKETS (bulk-loaded tickets, 1,000,000), BENCH_LEDGER_LIFECYCLES
 * (random lifecycles per append run, 300 ≈ 3,500 events: about one second since appends go a
 * delivered chunk at a time; raise it for a longer sample), BENCH_LEDGER_REQUESTS (overview requests, 300).
 */
import 'reflect-metadata';
import { TokenService } from '@ticketing/auth';
import { DEFAULT_CATEGORIES, DEFAULT_DEPARTMENTS, Topics } from '@ticketing/contracts';
import { startService } from '@ticketing/platform';
import { Client } from 'pg';
import { topicOf } from '../../apps/ledger/src/chain/consumers/ledger-events.consumer';
import { entryHash, LedgerEntry } from '../../apps/ledger/src/chain/domain/ledger-entry';
import { verifyChain } from '../../apps/ledger/src/chain/queries/verify-chain/verify-chain.handler';
import { LedgerEnv } from '../../apps/ledger/src/ledger.env';
import { LedgerModule } from '../../apps/ledger/src/ledger.module';
import { RollupStore } from '../../apps/ledger/src/projections/infrastructure/rollup.store';
import { prng, randomLifecycle } from '../../apps/ledger/test/random-lifecycles';
import { ensureDatabase, startEmbeddedPostgres } from '@ticketing/database';
import { join } from 'node:path';
import { percentile, progress, repoRoot, writeResults } from '../bench-infra';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';

const TICKETS = Number(process.env.BENCH_LEDGER_TICKETS ?? 1_000_000);
const APPEND_LIFECYCLES = Number(process.env.BENCH_LEDGER_LIFECYCLES ?? 300);
const OVERVIEW_REQUESTS = Number(process.env.BENCH_LEDGER_REQUESTS ?? 300);
const BATCH = 10_000;
const SECRET = 'b'.repeat(40);
const MONTH = '2026-03';

async function appendRun(
  running: Awaited<ReturnType<typeof startService>>,
  seed: number,
  offset: number,
): Promise<{ events: number; seconds: number; perSecond: number }> {
  const rnd = prng(seed);
  const lives = Array.from({ length: APPEND_LIFECYCLES }, (_, i) => randomLifecycle(offset + i, rnd));
  const events = lives.flat();
  const t0 = performance.now();
  const waves: Promise<void>[] = [];
  for (let i = 0; i < lives.length; i += 25) {
    waves.push(
      running.runtime.transport.publish(
        lives
          .slice(i, i + 25)
          .flat()
          .map((e) => ({ topic: topicOf(e.type), key: e.aggregateId, value: JSON.stringify(e) })),
      ),
    );
  }
  await Promise.all(waves);
  const seconds = (performance.now() - t0) / 1000;
  return {
    events: events.length,
    seconds: Math.round(seconds * 10) / 10,
    perSecond: Math.round(events.length / seconds),
  };
}

/** 1M facts and their stints straight from SQL: spread over 17 departments, 14 categories, 10 grids, 24 months. */
async function bulkFacts(c: Client): Promise<void> {
  const deps = `ARRAY[${DEFAULT_DEPARTMENTS.map((d) => `'${d.id}'`).join(',')}]`;
  const cats = `ARRAY[${DEFAULT_CATEGORIES.map((d) => `'${d.code}'`).join(',')}]`;
  await c.query(`SELECT setseed(0.42)`);
  await c.query(`
    INSERT INTO ledger.ticket_facts (ticket_id, number, enterprise_id, enterprise_name, title, description, category, urgency, grid_id, month,
      status, department_id, first_handler_department_id, co_handler_department_ids, first_seen_at, submitted_at, assigned_at, acknowledged_at,
      respond_due_at, resolve_due_at, resolve_breached, reply_due_at, reply_breached, extension_count, resolved_at, last_resolved_at, result,
      replied_at, feedback_at, feedback_count, contacted, solved, satisfaction, reopen_count, transfer_count, closed_at, close_outcome,
      resolve_alert, alert_level, last_seq, last_event_at)
    SELECT 'bulk-' || g, 'CS-B-' || lpad(g::text, 7, '0'), 'ent-' || (g % 5000), '企业' || (g % 5000), '诉求 ' || g, '企业反映的问题（批量数据）',
      (${cats})[1 + g % 14], 'normal', 'grid-' || (g % 10), to_char(sub AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM'),
      CASE WHEN open THEN 'in_progress' ELSE 'closed' END, (${deps})[1 + (g * 7) % 17], (${deps})[1 + (g * 7) % 17],
      CASE WHEN g % 9 = 0 THEN ARRAY[(${deps})[1 + (g * 11) % 17]] ELSE '{}'::text[] END,
      sub, sub, sub + interval '1 hour', sub + interval '1 hour' + ack_h * interval '1 hour',
      sub + interval '5 hours', sub + interval '100 hours', open AND late, sub + interval '120 hours', false, (g % 20 = 0)::int,
      CASE WHEN open THEN NULL ELSE sub + res_h * interval '1 hour' END, CASE WHEN open THEN NULL ELSE sub + res_h * interval '1 hour' END,
      CASE WHEN open THEN NULL ELSE '已办结' END,
      CASE WHEN open THEN NULL ELSE sub + res_h * interval '1 hour' END, CASE WHEN open OR g % 6 = 0 THEN NULL ELSE sub + (res_h + 24) * interval '1 hour' END,
      CASE WHEN open OR g % 6 = 0 THEN 0 ELSE 1 END, CASE WHEN open OR g % 6 = 0 THEN NULL ELSE true END,
      CASE WHEN open OR g % 6 = 0 THEN NULL ELSE g % 13 <> 0 END,
      CASE WHEN open OR g % 6 = 0 THEN NULL WHEN g % 5 = 0 THEN 'basically_satisfied' WHEN g % 13 = 0 THEN 'unsatisfied' ELSE 'satisfied' END,
      (g % 31 = 0)::int, (g % 23 = 0)::int,
      CASE WHEN open THEN NULL ELSE sub + (res_h + 48) * interval '1 hour' END,
      CASE WHEN open THEN NULL WHEN g % 6 = 0 THEN 'no_feedback' ELSE 'feedback' END,
      CASE WHEN open AND late THEN 'red' WHEN open AND g % 3 = 0 THEN 'yellow' END,
      CASE WHEN open AND late THEN 'red' WHEN open AND g % 3 = 0 THEN 'yellow' END,
      0, sub
    FROM generate_series(1, ${TICKETS}) g,
      LATERAL (SELECT timestamptz '2025-04-01 00:00+08' + ((g::bigint * 6007) % 730) * interval '1 day' + (g % 24) * interval '1 hour' AS sub,
                      g % 50 = 0 AS open, (g % 17) + 0.5 AS ack_h, 20 + (g % 110) AS res_h, g % 100 = 0 AS late) x`);
  await c.query(`
    INSERT INTO ledger.ticket_assignments (ticket_id, stint, department_id, category, grid_id, month, excluded, via, assigned_at, acknowledged_at,
      respond_due_at, respond_breached, ended_at, ended_by)
    SELECT ticket_id, 1, department_id, category, grid_id, month, false, 'rule', assigned_at, acknowledged_at, respond_due_at, acknowledged_at > respond_due_at, NULL, NULL
    FROM ledger.ticket_facts WHERE ticket_id LIKE 'bulk-%'`);
  await c.query(`
    INSERT INTO ledger.open_tickets (ticket_id, department_id, since, unresolved, alert_level)
    SELECT ticket_id, department_id, submitted_at, status IS DISTINCT FROM 'resolved', alert_level
    FROM ledger.ticket_facts WHERE ticket_id LIKE 'bulk-%' AND closed_at IS NULL AND withdrawn_at IS NULL`);
  // What autovacuum does in production after a load like this: statistics and the visibility map.
  for (const t of ['ticket_facts', 'ticket_assignments', 'open_tickets'])
    await c.query(`VACUUM ANALYZE ledger.${t}`);
}

/** One hash-chained entry per bulk ticket, continuing the chain the live appends left. */
async function bulkEntries(c: Client): Promise<void> {
  const { rows } = await c.query(`SELECT seq, hash FROM ledger.chain_head`);
  let seq = Number(rows[0].seq);
  let prevHash: string = rows[0].hash;
  for (let start = 1; start <= TICKETS; start += BATCH) {
    const cols: unknown[][] = Array.from({ length: 18 }, () => []);
    for (let g = start; g < Math.min(start + BATCH, TICKETS + 1); g++) {
      seq++;
      const at = new Date(Date.UTC(2025, 3, 1) + ((g * 6007) % 730) * 86400_000).toISOString();
      const e: LedgerEntry = {
        seq,
        eventId: `0193b000-0000-7000-8000-${g.toString(16).padStart(12, '0')}`,
        type: 'ticket.closed',
        topic: Topics.Ticket,
        eventVersion: 1,
        aggregateId: `bulk-${g}`,
        aggregateVersion: 1,
        correlationId: `bulk-${g}`,
        causationId: null,
        ticketId: `bulk-${g}`,
        departmentId: DEFAULT_DEPARTMENTS[(g * 7) % 17].id,
        actorId: 'system',
        actorRole: 'system',
        occurredAt: at,
        recordedAt: at,
        payload: {
          ticketId: `bulk-${g}`,
          number: `CS-B-${g}`,
          status: 'closed',
          outcome: 'feedback',
          category: DEFAULT_CATEGORIES[g % 14].code,
        },
        prevHash,
      };
      const hash = entryHash(e);
      const values = [
        e.seq,
        e.eventId,
        e.type,
        e.topic,
        e.eventVersion,
        e.aggregateId,
        e.aggregateVersion,
        e.correlationId,
        e.causationId,
        e.ticketId,
        e.departmentId,
        e.actorId,
        e.actorRole,
        e.occurredAt,
        e.recordedAt,
        JSON.stringify(e.payload),
        e.prevHash,
        hash,
      ];
      values.forEach((v, i) => cols[i].push(v));
      prevHash = hash;
    }
    await c.query(
      `INSERT INTO ledger.entries SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::int[], $8::text[],
         $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[], $16::jsonb[], $17::text[], $18::text[])`,
      cols,
    );
    if ((start - 1) % 200_000 === 0) progress(`entries: ${start - 1 + BATCH} / ${TICKETS}`);
  }
  await c.query(`UPDATE ledger.chain_head SET seq = $1, hash = $2`, [seq, prevHash]);
}

/**
 * DATABASE_URL when given; otherwise an embedded server of its own (a million rows should not
 * land on a server other benchmarks share), stopped at the end only if this run started it.
 */
async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(repoRoot, '.data', 'bench-ledger-postgres'),
    settings: {
      shared_buffers: '256MB',
      work_mem: '32MB',
      maintenance_work_mem: '256MB',
      max_wal_size: '4GB',
    },
  });
  await ensureDatabase(pg.url, 'bench_ledger');
  return { url: pg.url('bench_ledger'), stop: () => (pg.adopted ? Promise.resolve() : pg.stop()) };
}

async function main() {
  const db = await benchDatabase();
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ledger CASCADE`);
  const running = await startService({
    service: 'ledger',
    env: LedgerEnv,
    modules: [LedgerModule],
    environment: {
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      LEDGER_DAILY_SEAL: 'false',
    },
  });
  try {
    progress(`append: ${APPEND_LIFECYCLES} random lifecycles on an empty ledger`);
    const appendEmpty = await appendRun(running, 1, 0);
    progress(`append: ${appendEmpty.perSecond} events/s`);

    progress(`bulk: ${TICKETS} ticket facts and stints`);
    let t = performance.now();
    await bulkFacts(admin);
    const factsSeconds = (performance.now() - t) / 1000;
    progress(`bulk: ${TICKETS} hash-chained entries`);
    t = performance.now();
    await bulkEntries(admin);
    const entriesSeconds = (performance.now() - t) / 1000;
    progress('bulk: monthly rollup from the facts');
    const ds = running.app.get<DataSource>(getDataSourceToken('ledger'));
    t = performance.now();
    await ds.transaction((m) => new RollupStore().recomputeAll(m));
    await admin.query('VACUUM ANALYZE ledger.stats_monthly');
    await admin.query('VACUUM ANALYZE ledger.entries');
    const rollupSeconds = (performance.now() - t) / 1000;

    const token = new TokenService(SECRET).sign({ id: 'bench', role: 'committee', name: 'bench' }).token;
    const overview = async () => {
      const t0 = performance.now();
      const res = await fetch(`${running.url}/api/v1/ledger/dashboard/overview?month=${MONTH}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await res.json()) as { totals: { received: number } };
      if (res.status !== 200) throw new Error(`overview ${res.status}`);
      return { ms: performance.now() - t0, received: body.totals.received };
    };
    for (let i = 0; i < 20; i++) await overview();
    const samples: number[] = [];
    let received = 0;
    for (let i = 0; i < OVERVIEW_REQUESTS; i++) {
      const r = await overview();
      samples.push(r.ms);
      received = r.received;
    }
    samples.sort((a, b) => a - b);
    const [{ n: ticketsInLedger }] = (await admin.query(`SELECT count(*)::int AS n FROM ledger.ticket_facts`))
      .rows;
    const [{ n: entriesInLedger }] = (await admin.query(`SELECT count(*)::int AS n FROM ledger.entries`))
      .rows;
    progress(
      `overview: p50 ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms`,
    );

    progress(`append: ${APPEND_LIFECYCLES} random lifecycles with ${entriesInLedger} entries in the ledger`);
    const appendFull = await appendRun(running, 2, 1_000_000);
    progress('verify: the whole chain');
    t = performance.now();
    const report = await verifyChain(ds);
    const verifySeconds = (performance.now() - t) / 1000;
    if (!report.ok) throw new Error(`chain broken: ${JSON.stringify(report.firstBroken)}`);

    const results = {
      at: new Date().toISOString(),
      tickets: ticketsInLedger,
      entries: report.checkedEntries,
      appendEmptyLedger: appendEmpty,
      appendFullLedger: appendFull,
      bulkFactsSeconds: Math.round(factsSeconds),
      bulkEntriesSeconds: Math.round(entriesSeconds),
      rollupRebuildSeconds: Math.round(rollupSeconds * 10) / 10,
      overview: {
        month: MONTH,
        ticketsInMonth: received,
        requests: samples.length,
        p50Ms: Math.round(percentile(samples, 50) * 10) / 10,
        p95Ms: Math.round(percentile(samples, 95) * 10) / 10,
        maxMs: Math.round(samples[samples.length - 1] * 10) / 10,
      },
      verifySeconds: Math.round(verifySeconds * 10) / 10,
    };
    const md = [
      `Ledger, ${results.at}: ${results.tickets} tickets, ${results.entries} hash-chained entries (embedded PostgreSQL 16, one shared 2-core machine)`,
      '',
      '| figure | value |',
      '|---|---|',
      `| append (inbox + chain + projections), empty ledger | ${appendEmpty.perSecond} events/s (${appendEmpty.events} events) |`,
      `| append, ${results.entries} entries in the ledger | ${appendFull.perSecond} events/s (${appendFull.events} events) |`,
      `| dashboard overview over HTTP, ${MONTH} (${received} tickets that month) | p50 ${results.overview.p50Ms} ms, p95 ${results.overview.p95Ms} ms, max ${results.overview.maxMs} ms (${samples.length} requests) |`,
      `| full rollup rebuild from ${results.tickets} facts | ${results.rollupRebuildSeconds} s |`,
      `| verify the whole chain | ${results.verifySeconds} s |`,
      `| bulk load: facts+stints / entries | ${results.bulkFactsSeconds} s / ${results.bulkEntriesSeconds} s |`,
    ].join('\n');
    writeResults('ledger', results, md);
    process.stdout.write(md + '\n');
  } finally {
    await running.close();
    await admin.end();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
