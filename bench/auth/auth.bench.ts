/**
 * npm run bench:auth — what ending sessions costs each request (ADR 0014).
 *
 * The guard checks every token against the revocations the process holds in memory: no database
 * read per request. Measured here, in one run on this machine:
 *  1. the guard alone (AuthGuard.canActivate with Nest's Reflector, a signed token, a request):
 *     nanoseconds per request with no revocation and with N revocations held (of other users, and
 *     of the caller's other sessions), N up to 1,000,000;
 *  2. its ceilings: the HS256 check of the token alone (what every request paid before), one Map
 *     lookup, and an empty call (the loop's own cost);
 *  3. over HTTP, a Nest app whose one route is behind the guard, requests per second with none and
 *     with N revocations, beside a bare node:http server on the same port range (the machine's
 *     ceiling for an HTTP round trip), keep-alive, BENCH_AUTH_CONCURRENCY clients.
 * Cases are timed in turns (a round of each, then the next round), so other work on a shared
 * machine falls on all of them alike; the median and the best round are reported.
 *
 * Sizes (env): BENCH_AUTH_OPS (guard calls per timing, 200,000), BENCH_AUTH_ROUNDS (timings per
 * case, the median is reported, 5), BENCH_AUTH_SECONDS (per HTTP case, 3), BENCH_AUTH_CONCURRENCY (16).
 */
import 'reflect-metadata';
import { Controller, ExecutionContext, Get, INestApplication, Module } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import {
  AuthGuard,
  AuthModule,
  AuthUser,
  Roles,
  SessionRevocations,
  StreamTickets,
  TokenService,
} from '@ticketing/auth';
import { randomUUID } from 'node:crypto';
import { createServer, Agent, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { progress, writeResults } from '../bench-infra';

const OPS = Number(process.env.BENCH_AUTH_OPS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_AUTH_ROUNDS ?? 5);
const HTTP_SECONDS = Number(process.env.BENCH_AUTH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_AUTH_CONCURRENCY ?? 16);
const SIZES = [0, 1_000, 100_000, 1_000_000];
const SECRET = 'bench-auth-secret-'.padEnd(48, 'a');

const caller: AuthUser = {
  id: randomUUID(),
  role: 'department',
  name: '人社局',
  departmentId: randomUUID(),
  sessionId: randomUUID(),
};

/** Revocations of other users (deactivations, resets) and, one in ten, of the caller's other sessions. */
function revocationsOf(n: number, r = new SessionRevocations()): SessionRevocations {
  const at = Date.now() - 60_000; // before the token: nothing of it is refused
  for (let i = 0; i < n; i++)
    r.apply(
      i % 10 === 0
        ? { userId: caller.id, sessionId: randomUUID(), revokedAt: at }
        : { userId: randomUUID(), sessionId: i % 3 === 0 ? randomUUID() : null, revokedAt: at },
    );
  return r;
}

function context(token: string): ExecutionContext {
  const handler = () => undefined;
  Reflect.defineMetadata('auth:roles', ['department'], handler);
  const req = { headers: { authorization: `Bearer ${token}` }, query: {} };
  const cls = class {};
  return {
    getType: () => 'http',
    getHandler: () => handler,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

interface Timing {
  /** Median of the rounds. */
  ns: number;
  /** Fastest round: the least disturbed by other work on a shared machine. */
  bestNs: number;
}

/**
 * Nanoseconds per call of each case, timed in turns (round 1 of every case, then round 2 …), so a
 * burst of other work on the machine falls on every case alike rather than on one.
 */
function timeInTurns(cases: Record<string, () => unknown>): Record<string, Timing> {
  const names = Object.keys(cases);
  // Warm-up: let the JIT settle.
  for (const n of names) for (let i = 0; i < Math.min(OPS, 20_000); i++) cases[n]();
  const rounds: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS; r++)
    for (const n of names) {
      const fn = cases[n];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < OPS; i++) fn();
      rounds[n].push(Number(process.hrtime.bigint() - t0) / OPS);
    }
  return Object.fromEntries(
    names.map((n) => {
      const sorted = rounds[n].sort((a, b) => a - b);
      return [n, { ns: sorted[Math.floor(sorted.length / 2)], bestNs: sorted[0] }];
    }),
  );
}

/** Heap in use after a full collection (the script runs with --expose-gc). */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

@Controller('bench')
class BenchController {
  @Get()
  @Roles('department')
  get(): { ok: true } {
    return { ok: true };
  }
}

async function nestApp(revocations: number): Promise<INestApplication> {
  @Module({ imports: [AuthModule.forRoot({ secret: SECRET })], controllers: [BenchController] })
  class BenchModule {}
  const app = await NestFactory.create(BenchModule, { logger: false });
  // The registry the guard reads: the one AuthModule made, filled as the revocation feed would.
  revocationsOf(revocations, app.get(SessionRevocations));
  await app.listen(0, '127.0.0.1');
  return app;
}

/** Requests answered 200 by `url` in `seconds`, CONCURRENCY keep-alive clients. */
async function load(
  url: string,
  token: string,
  seconds: number,
): Promise<{ done: number; seconds: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const once = () =>
    new Promise<number>((resolve) => {
      const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  const warmUntil = Date.now() + 200;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < warmUntil) await once();
    }),
  );
  let done = 0;
  let failed = 0;
  const t0 = performance.now();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        if ((await once()) === 200) done++;
        else failed++;
      }
    }),
  );
  const took = (performance.now() - t0) / 1000;
  agent.destroy();
  return { done, seconds: took, failed };
}

async function main(): Promise<void> {
  const tokens = new TokenService(SECRET);
  const token = tokens.sign(caller).token;
  const reflector = new Reflector();
  const ctx = context(token);

  progress('guard alone, and its ceilings');
  const guards: { revocations: number; guard: AuthGuard; heapMb: number }[] = [];
  for (const n of SIZES) {
    const before = heapMb();
    const g = new AuthGuard(reflector, tokens, revocationsOf(n), new StreamTickets());
    if (g.canActivate(ctx) !== true) throw new Error('the guard refused the caller');
    guards.push({ revocations: n, guard: g, heapMb: heapMb() - before });
  }
  const revoked = revocationsOf(0);
  revoked.apply({ userId: caller.id, sessionId: null, revokedAt: Date.now() + 1000 });
  const refusing = new AuthGuard(reflector, tokens, revoked, new StreamTickets());
  const held = revocationsOf(100_000);
  const timings = timeInTurns({
    ...Object.fromEntries(guards.map((g) => [`guard ${g.revocations}`, () => g.guard.canActivate(ctx)])),
    refused: () => {
      try {
        refusing.canActivate(ctx);
      } catch {
        /* refused, as it must be */
      }
    },
    verify: () => tokens.verify(token),
    lookup: () => held.isRevoked(caller),
    empty: () => undefined,
  });
  const guard = guards.map((g) => ({
    revocations: g.revocations,
    ...timings[`guard ${g.revocations}`],
    heapMb: g.heapMb,
  }));
  const ceilings = { verify: timings.verify, lookup: timings.lookup, emptyCall: timings.empty };
  for (const g of guard)
    progress(`  ${g.revocations} revocations: ${g.ns.toFixed(0)} ns (best ${g.bestNs.toFixed(0)})`);
  guards.length = 0;
  heapMb();

  progress('over HTTP');
  const bare: Server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const servers: { case: string; url: string; close: () => Promise<unknown> }[] = [
    {
      case: 'bare node:http (ceiling)',
      url: `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`,
      close: () => new Promise((r) => bare.close(r)),
    },
  ];
  for (const n of [0, 100_000, 1_000_000]) {
    const app = await nestApp(n);
    servers.push({
      case: `Nest + guard, ${n.toLocaleString('en')} revocations`,
      url: `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/bench`,
      close: () => app.close(),
    });
  }
  // In turns as above: each server gets HTTP_SECONDS in all, a second at a time.
  const totals = servers.map(() => ({ done: 0, seconds: 0, failed: 0 }));
  for (let r = 0; r < HTTP_SECONDS; r++)
    for (const [k, srv] of servers.entries()) {
      const t = await load(srv.url, token, 1);
      totals[k].done += t.done;
      totals[k].seconds += t.seconds;
      totals[k].failed += t.failed;
    }
  const http = servers.map((srv, k) => ({
    case: srv.case,
    perSecond: totals[k].done / totals[k].seconds,
    usPerRequest: (totals[k].seconds * 1e6) / Math.max(1, totals[k].done),
    failed: totals[k].failed,
  }));
  for (const srv of servers) await srv.close();
  for (const h of http) progress(`  ${h.case}: ${h.perSecond.toFixed(0)}/s`);

  const none = guard[0].bestNs;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  const load1 = loadavg()[0];
  const results = {
    at: new Date().toISOString(),
    machine,
    loadAverage: load1,
    ops: OPS,
    rounds: ROUNDS,
    guard,
    refused: timings.refused,
    ceilings,
    http,
  };
  const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}`;
  const md = [
    `Auth guard, ${results.at}: ${machine}; load average ${load1.toFixed(1)} at the end (a shared machine: other work ran beside this); ${ROUNDS} timings of ${OPS.toLocaleString('en')} calls per case, taken in turns; median and best.`,
    '',
    'Per request, the guard alone (HS256 check, claims, revocation lookup, roles); no database read in any case:',
    '',
    '| revocations held | ns / request, median | best | best vs none | heap for them |',
    '|---|---|---|---|---|',
    ...guard.map(
      (g) =>
        `| ${g.revocations.toLocaleString('en')} | ${g.ns.toFixed(0)} | ${g.bestNs.toFixed(0)} | ${g.revocations ? `${signed(g.bestNs - none)} ns` : '—'} | ${g.heapMb.toFixed(1)} MB |`,
    ),
    `| the caller's own session revoked (refused, 401) | ${timings.refused.ns.toFixed(0)} | ${timings.refused.bestNs.toFixed(0)} | | |`,
    '',
    `Ceilings in the same run (median / best): the HS256 check alone ${ceilings.verify.ns.toFixed(0)} / ${ceilings.verify.bestNs.toFixed(0)} ns (what every request paid before); one revocation lookup among 100,000 ${ceilings.lookup.ns.toFixed(0)} / ${ceilings.lookup.bestNs.toFixed(0)} ns; an empty call ${ceilings.emptyCall.ns.toFixed(1)} / ${ceilings.emptyCall.bestNs.toFixed(1)} ns.`,
    '',
    `Over HTTP, ${CONCURRENCY} keep-alive clients in this process, ${HTTP_SECONDS} s per server, a second at a time in turns (clients and servers share the machine):`,
    '',
    '| server | requests/s | µs / request | failed |',
    '|---|---|---|---|',
    ...http.map(
      (h) => `| ${h.case} | ${h.perSecond.toFixed(0)} | ${h.usPerRequest.toFixed(0)} | ${h.failed} |`,
    ),
  ].join('\n');
  writeResults('auth', results, md);
  process.stdout.write(`${md}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);
