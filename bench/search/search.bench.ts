/**
 * npm run bench:search — the ticket search (ADR 0015) with 1,000,000 tickets on real PostgreSQL:
 *  1. 1,000,000 tickets over two years, written by SQL (bench/search/generate.ts: generate_series
 *     with a seeded random(), phrases of bench/search/corpus.ts) with their replies as timeline
 *     steps, co-handlers and the open queue's clocks; the relevance fixture's 40 tickets among them;
 *  2. the search projection built by the migration's own backfill (indexAllTickets: the same
 *     tokenizer and SQL as every save), two workers, the open tickets' clocks copied
 *     (syncSearchClocks), then its indexes; VACUUM ANALYZE;
 *  3. latency over HTTP (the ticket service, real auth, JSON) per query kind, sequential requests,
 *     p50 / p95 / max, as committee, department, enterprise or instructor;
 *  4. the machine's ceiling in the same run: a trivial endpoint through the same stack, a primary-key
 *     lookup in SQL, and pgbench's select-only run;
 *  5. relevance: the 50 queries of apps/ticket/test/search-relevance.fixture.ts, recall on the
 *     first page (20) among the million.
 *
 * Env: BENCH_SEARCH_TICKETS (1,000,000), BENCH_SEARCH_REQUESTS (per kind, 200),
 * BENCH_SEARCH_REUSE=1 (keep the corpus of an earlier run when it has that many tickets),
 * BENCH_SEARCH_BUILD_ONLY=1 (build the corpus and its index, print the sizes, stop: then study plans
 * with psql on `.data/bench-search-postgres`, and measure with BENCH_SEARCH_REUSE=1),
 * DATABASE_URL (another server instead of the bench's own embedded one), BENCH_SEARCH_OUT (the results' name, search).
 *
 * The embedded server is stopped at the end unless it was already running when the bench started
 * (adopted: startEmbeddedPostgres), so a server started beforehand stays up for psql.
 */
import 'reflect-metadata';
import { TokenService, AuthUser } from '@ticketing/auth';
import { departmentIdByCode } from '@ticketing/contracts';
import { ensureDatabase, Queryable, startEmbeddedPostgres } from '@ticketing/database';
import { startService } from '@ticketing/platform';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  indexAllTickets,
  syncSearchClocks,
  TICKET_SEARCH_INDEX_NAMES,
  TICKET_SEARCH_INDEXES,
  TICKET_SEARCH_PLAN_INDEX_NAMES,
  TICKET_SEARCH_PLAN_INDEXES,
} from '../../apps/ticket/src/search/infrastructure/ticket-search.indexer';
import { TicketModule } from '../../apps/ticket/src/ticket.module';
import {
  FIXTURE_ENTERPRISES,
  FIXTURE_TICKETS,
  RELEVANCE_QUERIES,
} from '../../apps/ticket/test/search-relevance.fixture';
import { percentile, progress, repoRoot, writeResults } from '../bench-infra';
import { benchEnterprises, BENCH_GRIDS, generateTickets, insertEnterprises } from './generate';

const TICKETS = Number(process.env.BENCH_SEARCH_TICKETS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_SEARCH_REQUESTS ?? 200);
const REUSE = process.env.BENCH_SEARCH_REUSE === '1';
const BUILD_ONLY = process.env.BENCH_SEARCH_BUILD_ONLY === '1';
const SECRET = 's'.repeat(40);
const PAGE = 20;

/** The server's settings, printed with the results: a modest production configuration. */
const SETTINGS: Record<string, string> = {
  shared_buffers: '1GB',
  effective_cache_size: '8GB',
  work_mem: '16MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '8GB',
  random_page_cost: '1.1',
  max_parallel_maintenance_workers: '2',
};

async function benchDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({
    dataDir: join(repoRoot, '.data', 'bench-search-postgres'),
    settings: SETTINGS,
  });
  await ensureDatabase(pg.url, 'bench_search');
  return { url: pg.url('bench_search'), stop: () => (pg.adopted ? Promise.resolve() : pg.stop()) };
}

const asQueryable = (c: Client): Queryable => ({
  query: async <T>(sql: string, params?: unknown[]) => (await c.query(sql, params)).rows as T,
});

const seconds = (t0: number) => Math.round((performance.now() - t0) / 100) / 10;

/** The fixture's tickets written as the generator writes tickets (answered ones with their steps). */
async function insertFixture(c: Client): Promise<string[]> {
  await c.query(
    `INSERT INTO ticket.directory_enterprises (id, name, grid_id, active, source_occurred_at)
     SELECT id, name, grid, true, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, name, grid)
     ON CONFLICT (id) DO NOTHING`,
    [
      FIXTURE_ENTERPRISES.map((e) => e.id),
      FIXTURE_ENTERPRISES.map((e) => e.name),
      FIXTURE_ENTERPRISES.map(() => BENCH_GRIDS[0]),
    ],
  );
  await c.query(
    `INSERT INTO ticket.search_enterprises (id, name, credit_code, source_occurred_at)
     SELECT id, name, code, now() FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, name, code)
     ON CONFLICT (id) DO NOTHING`,
    [
      FIXTURE_ENTERPRISES.map((e) => e.id),
      FIXTURE_ENTERPRISES.map((e) => e.name),
      FIXTURE_ENTERPRISES.map((e) => e.creditCode),
    ],
  );
  const ids: string[] = [];
  for (const [i, t] of FIXTURE_TICKETS.entries()) {
    const e = FIXTURE_ENTERPRISES.find((x) => x.id === t.enterprise)!;
    // Spread over the corpus's two years, like any other ticket.
    const at = new Date(Date.now() - ((i * 17 + 5) % 700) * 86400_000 - i * 3600_000);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at);
    const status = t.answer ? 'resolved' : t.interim ? 'in_progress' : 'assigned';
    const lead = departmentIdByCode('urban_mgmt');
    const { rows } = await c.query(
      `INSERT INTO ticket.tickets (id, number, enterprise_id, enterprise_name, grid_id, submitted_by_id, submitted_by_role, title,
         description, category, urgency, location, contact_name, contact_phone, attachments, channel, status, lead_department_id,
         first_handler_department_id, acknowledged_since_assign, resolution, replied_this_round, reopen_count, submitted_at, updated_at, version)
       VALUES (md5('fixture-' || $1)::uuid, $2, $3, $4, $5, 'fixture-user', 'enterprise', $6, $7, $8, 'normal', $9, '联系人', '13900000000',
         '[]', 'web', $10, $11, $11, $10 <> 'assigned',
         CASE WHEN $12::text IS NOT NULL THEN jsonb_build_object('departmentId', $11::text, 'result', $12::text, 'evidence', '[]'::jsonb, 'resolvedAt', $13::timestamptz) END,
         $12::text IS NOT NULL, 0, $13, $13, 1)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        t.key,
        `CS-${year}-9${String(i + 1).padStart(5, '0')}`,
        e.id,
        e.name,
        BENCH_GRIDS[0],
        t.title,
        t.description,
        t.category,
        t.location ?? null,
        status,
        lead,
        t.answer ?? null,
        at,
      ],
    );
    if (!rows.length) continue;
    const id: string = rows[0].id;
    ids.push(id);
    const steps: [string, string, string, Record<string, unknown>][] = [];
    if (t.interim) steps.push(['interimReply', 'ticket.interim-replied', t.interim, { reason: t.interim }]);
    if (t.answer) {
      steps.push(['resolve', 'ticket.resolved', t.answer, { result: t.answer, evidence: [] }]);
      steps.push(['reply', 'ticket.replied', t.answer, { message: t.answer }]);
    }
    for (const [n, [action, type, text, details]] of steps.entries()) {
      await c.query(
        `INSERT INTO ticket.ticket_steps (ticket_id, version, action, event_type, event_id, actor_id, actor_role, reason, status_from,
           status_to, occurred_at, details)
         VALUES ($1, $2, $3, $4, $9, 'fixture-dep', 'department', $5, $6, $6, $7, $8)`,
        [id, n + 2, action, type, text, status, at, { departmentId: lead, ...details }, randomUUID()],
      );
    }
  }
  return ids;
}

async function main() {
  const db = await benchDatabase();
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  const [{ exists }] = (await admin.query(`SELECT to_regclass('ticket.tickets') IS NOT NULL AS exists`)).rows;
  const held: number = exists
    ? (await admin.query(`SELECT count(*)::int AS n FROM ticket.tickets`)).rows[0].n
    : 0;
  const reuse = REUSE && held >= TICKETS;
  if (!reuse) {
    await admin.query(`DROP SCHEMA IF EXISTS ticket CASCADE`);
    await admin.query(`DROP TABLE IF EXISTS bench_enterprises`);
  }
  const running = await startService({
    service: 'ticket',
    modules: [TicketModule],
    environment: {
      DATABASE_URL: db.url,
      PORT: '0',
      JWT_SECRET: SECRET,
      LOG_LEVEL: 'warn',
      DATA_DIR: join(repoRoot, '.data', 'bench-search'),
    },
  });
  const timings: Record<string, number> = {};
  try {
    const enterprises = benchEnterprises();
    if (!reuse) {
      let t = performance.now();
      progress(`generate: ${enterprises.length} enterprises, ${TICKETS} tickets`);
      await insertEnterprises(admin, enterprises);
      await generateTickets(admin, TICKETS, progress);
      const fixture = await insertFixture(admin);
      timings.generateSeconds = seconds(t);
      progress(`generate: ${timings.generateSeconds} s (${fixture.length} fixture tickets among them)`);

      t = performance.now();
      for (const name of [...TICKET_SEARCH_INDEX_NAMES, ...TICKET_SEARCH_PLAN_INDEX_NAMES])
        await admin.query(`DROP INDEX IF EXISTS ticket.${name}`);
      await admin.query(`TRUNCATE ticket.ticket_search`);
      const workers = [
        '00000000-0000-0000-0000-000000000000',
        '7fffffff-ffff-ffff-ffff-ffffffffffff',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
      ];
      let done = 0;
      await Promise.all(
        [0, 1].map(async (w) => {
          const c = new Client({ connectionString: db.url });
          await c.connect();
          try {
            let last = 0;
            await indexAllTickets(asQueryable(c), {
              after: workers[w],
              until: workers[w + 1],
              onBatch: (n) => {
                done += n - last;
                last = n;
                if (done % 100_000 < 2000) progress(`index: ${done} / ${TICKETS + fixture.length}`);
              },
            });
          } finally {
            await c.end();
          }
        }),
      );
      timings.backfillSeconds = seconds(t);
      t = performance.now();
      // The open tickets' clocks (written by the generator before their search rows existed).
      const clocks = await syncSearchClocks(asQueryable(admin));
      progress(`index: clocks of ${clocks} open tickets copied`);
      for (const ddl of [...TICKET_SEARCH_INDEXES, ...TICKET_SEARCH_PLAN_INDEXES]) await admin.query(ddl);
      timings.indexBuildSeconds = seconds(t);
      t = performance.now();
      for (const table of ['tickets', 'ticket_steps', 'ticket_parts', 'ticket_deadlines', 'ticket_search'])
        await admin.query(`VACUUM ANALYZE ticket.${table}`);
      timings.vacuumSeconds = seconds(t);
      progress(
        `index: backfill ${timings.backfillSeconds} s, GIN and btree indexes ${timings.indexBuildSeconds} s, vacuum ${timings.vacuumSeconds} s`,
      );
    }

    const sizes = (
      await admin.query(`SELECT (SELECT count(*)::int FROM ticket.tickets) AS tickets,
        (SELECT count(*)::int FROM ticket.ticket_search) AS rows,
        pg_size_pretty(pg_table_size('ticket.ticket_search')) AS search_table,
        pg_size_pretty(pg_relation_size('ticket.ticket_search_doc_idx')) AS gin_index,
        pg_size_pretty(pg_relation_size('ticket.ticket_search_initials_idx')) AS initials_index,
        pg_size_pretty(pg_total_relation_size('ticket.tickets')) AS tickets_table,
        (SELECT round(avg(length(doc)))::int FROM (SELECT doc FROM ticket.ticket_search LIMIT 10000) s) AS lexemes_per_ticket,
        (SELECT round(avg(pg_column_size(doc)))::int FROM (SELECT doc FROM ticket.ticket_search LIMIT 10000) s) AS doc_bytes`)
    ).rows[0];
    progress(`corpus: ${JSON.stringify(sizes)}`);
    if (BUILD_ONLY) return;

    // ---- latency over HTTP -------------------------------------------------------------------
    const port = Number(new URL(running.url).port);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const tokens = new TokenService(SECRET);
    // Tokens expire: signed again every few minutes of a long run.
    type Bearer = () => string;
    const tokenOf = (u: AuthUser): Bearer => {
      let token = tokens.sign(u).token;
      let at = Date.now();
      return () => {
        if (Date.now() - at > 5 * 60_000) [token, at] = [tokens.sign(u).token, Date.now()];
        return token;
      };
    };
    // A kept-alive socket that the server closed while this process was blocked (the pgbench
    // ceiling runs synchronously) fails the next request with ECONNRESET: a GET is sent again once.
    const get = (path: string, bearer: Bearer, retry = true): Promise<{ status: number; body: string }> =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${bearer()}` } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) =>
          retry && req.reusedSocket && e.code === 'ECONNRESET'
            ? resolve(get(path, bearer, false))
            : reject(e),
        );
        req.end();
      });

    const committee = tokenOf({ id: 'bench-committee', role: 'committee', name: '综合党委' });
    const dept = tokenOf({
      id: 'bench-hrss',
      role: 'department',
      name: '人社局',
      departmentId: departmentIdByCode('hrss'),
    });
    const deptUrban = tokenOf({
      id: 'bench-urban',
      role: 'department',
      name: '城管局',
      departmentId: departmentIdByCode('urban_mgmt'),
    });
    const instructor = tokenOf({
      id: 'bench-ins',
      role: 'instructor',
      name: '指导员',
      gridIds: [BENCH_GRIDS[3]],
    });
    const entTokens = enterprises
      .slice(0, 50)
      .map((e) => tokenOf({ id: `bench-user-${e.n}`, role: 'enterprise', name: e.name, enterpriseId: e.id }));
    const { rows: numbers } = await admin.query(
      `SELECT number FROM ticket.tickets TABLESAMPLE SYSTEM (0.1) REPEATABLE (7) LIMIT 50`,
    );
    const enc = encodeURIComponent;
    type Kind = {
      kind: string;
      who: string;
      queries: string[];
      token: (i: number) => Bearer;
      extra?: string;
      pageTo?: number;
    };
    const kinds: Kind[] = [
      {
        kind: 'ticket number',
        who: 'committee',
        queries: numbers.map((r) => r.number),
        token: () => committee,
      },
      {
        kind: 'credit code',
        who: 'committee',
        queries: enterprises.slice(100, 150).map((e) => e.creditCode),
        token: () => committee,
      },
      {
        kind: 'enterprise name (part)',
        who: 'committee',
        queries: enterprises
          .slice(200, 250)
          .map((e) =>
            e.name
              .replace(/^(六枝特区|贵州六枝|六盘水|贵州|钟山区|水城区|盘州|郎岱|贵阳|安顺)/, '')
              .slice(0, 6),
          ),
        token: () => committee,
      },
      {
        kind: 'word in ~1-2 % of tickets',
        who: 'committee',
        queries: [
          '变压器',
          '稳岗补贴',
          '留抵退税',
          '排污许可证',
          '危险废物',
          '施工许可证',
          '红绿灯',
          '担保费率',
          '竣工验收',
          '地磅',
        ],
        token: () => committee,
      },
      {
        kind: 'word in most tickets',
        who: 'committee',
        queries: ['公司', '企业', '生产', '协调', '解决', '有限公司'],
        token: () => committee,
      },
      {
        kind: 'phrase (4+ characters)',
        who: 'committee',
        queries: ['主管网检修', '频繁停电', '增值税留抵', '屋顶漏雨', '货车通行证', '营业执照经营范围'],
        token: () => committee,
      },
      {
        kind: 'two words',
        who: 'committee',
        queries: ['停水 经开区', '招工 电子科技', '贷款 食品加工', '停电 锅炉房', '补贴 恒达'],
        token: () => committee,
      },
      { kind: 'one character', who: 'committee', queries: ['水', '电', '税'], token: () => committee },
      {
        kind: 'word + status, category, date range',
        who: 'committee',
        queries: ['停电', '停水', '天然气', '污水'],
        extra: '&status=closed&category=utilities&from=2025-07-01&to=2025-09-30',
        token: () => committee,
      },
      {
        kind: 'word + overdue',
        who: 'committee',
        queries: ['补贴', '停电', '许可证', '公司'],
        extra: '&overdue=true',
        token: () => committee,
      },
      {
        kind: 'department (its own)',
        who: 'department 人社局',
        queries: ['社保', '招工', '补贴', '公司', '培训'],
        token: () => dept,
      },
      {
        kind: 'department, common word + status',
        who: 'department 城管局',
        queries: ['停水', '公司', '供暖'],
        extra: '&status=in_progress,assigned',
        token: () => deptUrban,
      },
      {
        kind: 'enterprise (its own)',
        who: '50 enterprises',
        queries: ['停水', '补贴', '许可证', '公司'],
        token: (i) => entTokens[i % entTokens.length],
      },
      {
        kind: 'instructor (its grid)',
        who: 'instructor',
        queries: ['停电', '贷款', '公司'],
        token: () => instructor,
      },
      {
        kind: 'page 5 of a common word',
        who: 'committee',
        queries: ['生产', '协调'],
        token: () => committee,
        pageTo: 5,
      },
    ];

    const run = async (k: Kind, i: number): Promise<{ ms: number; total: number }> => {
      const q = k.queries[i % k.queries.length];
      let path = `/api/v1/tickets/search?q=${enc(q)}&limit=${PAGE}${k.extra ?? ''}`;
      if (k.pageTo) {
        for (let p = 1; p < k.pageTo; p++) {
          const r = await get(path, k.token(i));
          const cursor = JSON.parse(r.body).nextCursor;
          path = `/api/v1/tickets/search?q=${enc(q)}&limit=${PAGE}${k.extra ?? ''}&cursor=${cursor}`;
        }
      }
      const t0 = performance.now();
      const r = await get(path, k.token(i));
      const ms = performance.now() - t0;
      if (r.status !== 200) throw new Error(`${k.kind} ${q}: ${r.status} ${r.body}`);
      return { ms, total: JSON.parse(r.body).total };
    };

    progress('warm-up');
    for (const k of kinds) for (let i = 0; i < k.queries.length * 2; i++) await run(k, i);
    const perKind: {
      kind: string;
      who: string;
      example: string;
      requests: number;
      avgTotal: number;
      anyLowerBound: boolean;
      p50: number;
      p95: number;
      max: number;
    }[] = [];
    const everything: number[] = [];
    for (const k of kinds) {
      const samples: number[] = [];
      let totals = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await run(k, i);
        samples.push(r.ms);
        totals += r.total;
      }
      samples.sort((a, b) => a - b);
      everything.push(...samples);
      const row = {
        kind: k.kind,
        who: k.who,
        example: k.queries[0] + (k.extra ?? ''),
        requests: samples.length,
        avgTotal: Math.round(totals / samples.length),
        anyLowerBound: totals / samples.length >= 2000,
        p50: Math.round(percentile(samples, 50) * 10) / 10,
        p95: Math.round(percentile(samples, 95) * 10) / 10,
        max: Math.round(samples[samples.length - 1] * 10) / 10,
      };
      perKind.push(row);
      progress(`${k.kind}: p50 ${row.p50} ms, p95 ${row.p95} ms, max ${row.max} ms (≈${row.avgTotal} found)`);
    }
    everything.sort((a, b) => a - b);

    // ---- the ceiling, same run ---------------------------------------------------------------
    const floor: number[] = [];
    for (let i = 0; i < REQUESTS * 2; i++) {
      const t0 = performance.now();
      const r = await get('/api/v1/tickets/categories', committee);
      floor.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`categories: ${r.status}`);
    }
    floor.sort((a, b) => a - b);
    const pk: number[] = [];
    for (let i = 0; i < REQUESTS * 2; i++) {
      const t0 = performance.now();
      await admin.query(`SELECT id, status FROM ticket.tickets WHERE number = $1`, [
        numbers[i % numbers.length].number,
      ]);
      pk.push(performance.now() - t0);
    }
    pk.sort((a, b) => a - b);
    const pgbench = pgbenchSelectOnly(db.url);
    progress(
      `ceiling: trivial endpoint p95 ${percentile(floor, 95).toFixed(1)} ms, indexed lookup p95 ${percentile(pk, 95).toFixed(2)} ms, pgbench ${pgbench.tps ?? pgbench.reason}`,
    );

    // ---- relevance -----------------------------------------------------------------------------
    const { rows: fixtureNumbers } = await admin.query(
      `SELECT t.number, f.key FROM ticket.tickets t JOIN unnest($1::text[]) AS f(key) ON t.id = md5('fixture-' || f.key)::uuid`,
      [FIXTURE_TICKETS.map((t) => t.key)],
    );
    const numberOf = new Map(fixtureNumbers.map((r) => [r.key as string, r.number as string]));
    let expected = 0;
    let foundCount = 0;
    const misses: string[] = [];
    for (const rq of RELEVANCE_QUERIES) {
      const q = rq.q.replace(/\{number:(\w+)\}/, (_, k: string) => numberOf.get(k)!);
      const r = await get(`/api/v1/tickets/search?q=${enc(q)}&limit=${PAGE}`, committee);
      const hits = new Set(JSON.parse(r.body).items.map((i: { id: string }) => i.id));
      for (const key of rq.expect) {
        expected++;
        const { rows } = await admin.query(`SELECT md5('fixture-' || $1::text)::uuid::text AS id`, [key]);
        if (hits.has(rows[0].id)) foundCount++;
        else misses.push(`${rq.q} → ${key}`);
      }
    }
    const recall = Math.round((foundCount / expected) * 1000) / 10;
    progress(
      `relevance: ${foundCount}/${expected} expected tickets on the first page (${recall} %)${misses.length ? `; missed ${misses.join(', ')}` : ''}`,
    );

    const results = {
      at: new Date().toISOString(),
      tickets: sizes.tickets,
      searchRows: sizes.rows,
      sizes,
      settings: SETTINGS,
      timings,
      requestsPerKind: REQUESTS,
      kinds: perKind,
      all: {
        requests: everything.length,
        p50: Math.round(percentile(everything, 50) * 10) / 10,
        p95: Math.round(percentile(everything, 95) * 10) / 10,
        max: Math.round(everything[everything.length - 1] * 10) / 10,
      },
      ceiling: {
        trivialEndpoint: {
          path: 'GET /api/v1/tickets/categories',
          p50: round2(percentile(floor, 50)),
          p95: round2(percentile(floor, 95)),
        },
        indexedLookup: {
          sql: 'SELECT … FROM ticket.tickets WHERE number = $1',
          p50: round2(percentile(pk, 50)),
          p95: round2(percentile(pk, 95)),
        },
        pgbench,
      },
      relevance: {
        queries: RELEVANCE_QUERIES.length,
        expected,
        found: foundCount,
        recallPercent: recall,
        misses,
      },
    };
    const md = [
      `Search, ${results.at}: ${sizes.tickets} tickets (${sizes.rows} search rows, ${sizes.lexemes_per_ticket} lexemes and ${sizes.doc_bytes} bytes of tsvector per ticket; search table ${sizes.search_table}, GIN index ${sizes.gin_index}, initials' GIN index ${sizes.initials_index}; tickets ${sizes.tickets_table}), embedded PostgreSQL 16 (${Object.entries(
        SETTINGS,
      )
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}), one shared 2-core machine.`,
      '',
      timings.generateSeconds !== undefined
        ? `Build: generate ${timings.generateSeconds} s (SQL), backfill ${timings.backfillSeconds} s (2 workers), indexes ${timings.indexBuildSeconds} s, VACUUM ANALYZE ${timings.vacuumSeconds} s.`
        : 'Build: the corpus of an earlier run (BENCH_SEARCH_REUSE=1).',
      '',
      `Latency over HTTP, ${REQUESTS} sequential requests per kind after a warm-up, page of ${PAGE}:`,
      '',
      '| query kind | as | example | found (avg) | p50 ms | p95 ms | max ms |',
      '|---|---|---|---|---|---|---|',
      ...perKind.map(
        (k) =>
          `| ${k.kind} | ${k.who} | \`${k.example}\` | ${k.avgTotal}${k.anyLowerBound ? '+' : ''} | ${k.p50} | ${k.p95} | ${k.max} |`,
      ),
      `| **all kinds** | | | | **${results.all.p50}** | **${results.all.p95}** | **${results.all.max}** |`,
      '',
      `Ceiling in the same run: ${results.ceiling.trivialEndpoint.path} p50 ${results.ceiling.trivialEndpoint.p50} ms / p95 ${results.ceiling.trivialEndpoint.p95} ms; SQL indexed lookup p50 ${results.ceiling.indexedLookup.p50} ms / p95 ${results.ceiling.indexedLookup.p95} ms; ${pgbench.tps ? `pgbench -S -c 2 -j 2 -T 10: ${pgbench.tps} tps (${pgbench.latencyMs} ms average)` : `pgbench: ${pgbench.reason}`}.`,
      '',
      `Relevance: ${RELEVANCE_QUERIES.length} queries, ${foundCount} of ${expected} expected tickets on the first page among ${sizes.tickets} (recall ${recall} %)${misses.length ? `; missed: ${misses.join('; ')}` : ''}.`,
    ].join('\n');
    writeResults(process.env.BENCH_SEARCH_OUT || 'search', results, md);
    process.stdout.write(md + '\n');
    agent.destroy();
  } finally {
    await running.close();
    await admin.end();
    await db.stop();
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** pgbench's built-in select-only script on its own small database (scale 10): the server's ceiling. */
function pgbenchSelectOnly(url: string): { tps?: number; latencyMs?: number; reason?: string } {
  const which = spawnSync('which', ['pgbench']);
  if (which.status !== 0) return { reason: 'pgbench not installed (Debian: postgresql-client)' };
  const u = new URL(url);
  u.pathname = '/bench_pgbench';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  spawnSync('psql', [admin.toString(), '-c', 'DROP DATABASE IF EXISTS bench_pgbench'], { encoding: 'utf8' });
  spawnSync('psql', [admin.toString(), '-c', 'CREATE DATABASE bench_pgbench'], { encoding: 'utf8' });
  const init = spawnSync('pgbench', ['-i', '-q', '-s', '10', u.toString()], { encoding: 'utf8' });
  if (init.status !== 0) return { reason: `pgbench -i failed: ${init.stderr.trim().split('\n').pop()}` };
  const r = spawnSync('pgbench', ['-n', '-S', '-c', '2', '-j', '2', '-T', '10', u.toString()], {
    encoding: 'utf8',
  });
  const tps = /tps = ([\d.]+)/.exec(r.stdout);
  const lat = /latency average = ([\d.]+) ms/.exec(r.stdout);
  spawnSync('psql', [admin.toString(), '-c', 'DROP DATABASE IF EXISTS bench_pgbench'], { encoding: 'utf8' });
  return tps
    ? { tps: Math.round(Number(tps[1])), latencyMs: lat ? Number(lat[1]) : undefined }
    : { reason: `pgbench failed: ${r.stderr.trim()}` };
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
