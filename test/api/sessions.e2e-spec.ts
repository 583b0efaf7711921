/**
 * Ended sessions end everywhere: a user logged in twice (a desk and a phone) calls an
 * authenticated endpoint of every service and holds two event streams (notify, ledger) open with
 * one-use stream tickets. A logout ends the desk's session only: its token is refused by every
 * service and its streams close, the phone goes on. An admin's deactivation then ends the phone's
 * session in every service and closes its streams, though its access token has not expired.
 *
 * Once in the standalone process (local transport) and once as one process per service on a real
 * Kafka broker, both on the test PostgreSQL. How long the services took is printed, not asserted.
 */
import { RunningService, startService } from '@ticketing/platform';
import {
  createTestDatabase,
  describeWithKafka,
  eventually,
  ServiceProcess,
  startDistributed,
  testKafkaBrokers,
} from '@ticketing/testing';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { STANDALONE_MODULES } from '../../apps/standalone/src/standalone.modules';

const SECRET = 'sessions-e2e-secret-'.padEnd(48, 's');
const PASSWORD = 'Demo@2026';
const SERVICES = [
  'identity',
  'ticket',
  'dispatch',
  'sla',
  'ledger',
  'notify',
  'outreach',
  'meeting',
] as const;
type Service = (typeof SERVICES)[number];
const PREFIX: Record<Service, string> = {
  identity: '/api/v1/identity',
  ticket: '/api/v1/tickets',
  dispatch: '/api/v1/dispatch',
  sla: '/api/v1/sla',
  ledger: '/api/v1/ledger',
  notify: '/api/v1/notify',
  outreach: '/api/v1/outreach',
  meeting: '/api/v1/meetings',
};
const STREAMS = { notify: '/api/v1/notify/stream', ledger: '/api/v1/ledger/stream' } as const;
type Routes = Record<Service, string>;
type Json = Record<string, unknown>;

async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let parsed: Json = {};
  try {
    parsed = text ? (JSON.parse(text) as Json) : {};
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed };
}

/** An event stream held open as EventSource would, opened with a stream ticket; `closed` once the server ends it. */
interface OpenStream {
  closed: () => boolean;
  text: () => string;
  abort: () => void;
}

async function openStream(routes: Routes, service: keyof typeof STREAMS, token: string): Promise<OpenStream> {
  const issued = await call(routes.identity, 'POST', '/api/v1/identity/stream-tickets', token, {
    stream: STREAMS[service],
  });
  expect(issued.status).toBe(201);
  const ctrl = new AbortController();
  const res = await fetch(`${routes[service]}${STREAMS[service]}?ticket=${issued.body.ticket as string}`, {
    signal: ctrl.signal,
  });
  expect({ service, status: res.status }).toEqual({ service, status: 200 });
  let closed = false;
  let text = '';
  const reader = res.body!.getReader();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += Buffer.from(value).toString('utf8');
      }
    } catch {
      /* the connection was cut */
    }
    closed = true;
  })();
  return { closed: () => closed, text: () => text, abort: () => ctrl.abort() };
}

/** For each service, a GET of it (no path parameter) that the user may call, found in its API document. */
async function probes(routes: Routes, token: string): Promise<Record<Service, string>> {
  const found = {} as Record<Service, string>;
  for (const service of SERVICES) {
    const doc = (await (await fetch(`${routes[service]}/api/docs-json`)).json()) as {
      paths: Record<string, { get?: { parameters?: { in: string; required?: boolean }[] } }>;
    };
    const candidates = Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith(PREFIX[service]) && ops.get && !path.includes('{'))
      .filter(([path]) => !Object.values(STREAMS).includes(path as never))
      .filter(([, ops]) => !(ops.get!.parameters ?? []).some((p) => p.in === 'query' && p.required))
      .map(([path]) => path)
      .sort();
    for (const path of candidates) {
      if ((await call(routes[service], 'GET', path, token)).status === 200) {
        found[service] = path;
        break;
      }
    }
    if (!found[service]) throw new Error(`${service}: no GET among ${candidates.join(', ')} answers 200`);
  }
  return found;
}

/** Every service's answer to the token, by service. */
async function answers(routes: Routes, paths: Record<Service, string>, token: string) {
  const out = {} as Record<Service, number>;
  await Promise.all(
    SERVICES.map(async (s) => {
      out[s] = (await call(routes[s], 'GET', paths[s], token)).status;
    }),
  );
  return out;
}

const everywhere = (status: number) => Object.fromEntries(SERVICES.map((s) => [s, status]));

/** How long until every service answers the token with `status`; the answers, once they agree or time is up. */
async function untilEverywhere(
  routes: Routes,
  paths: Record<Service, string>,
  token: string,
  status: number,
) {
  const t0 = Date.now();
  const seen = await eventually(
    async () => {
      const a = await answers(routes, paths, token);
      return Object.values(a).every((s) => s === status) ? a : undefined;
    },
    30_000,
    25,
  );
  return { answers: seen ?? (await answers(routes, paths, token)), ms: Date.now() - t0 };
}

async function sessionsEndEverywhere(routes: Routes, label: string, slug: string): Promise<void> {
  const admin = await call(routes.identity, 'POST', '/api/v1/identity/auth/login', undefined, {
    username: 'admin',
    password: PASSWORD,
  });
  expect(admin.status).toBe(200);
  const adminToken = admin.body.accessToken as string;
  const username = `leaver-${slug}`;
  const created = await call(routes.identity, 'POST', '/api/v1/identity/users', adminToken, {
    username,
    displayName: '即将离岗的调度员',
    role: 'committee',
    initialPassword: 'Initial2026',
  });
  expect(created.status).toBe(201);
  const first = await call(routes.identity, 'POST', '/api/v1/identity/auth/login', undefined, {
    username,
    password: 'Initial2026',
  });
  const changed = await call(
    routes.identity,
    'POST',
    '/api/v1/identity/auth/change-password',
    first.body.accessToken as string,
    { currentPassword: 'Initial2026', newPassword: PASSWORD },
  );
  expect(changed.status).toBe(204);
  const login = async () => {
    const r = await call(routes.identity, 'POST', '/api/v1/identity/auth/login', undefined, {
      username,
      password: PASSWORD,
    });
    expect(r.status).toBe(200);
    return r.body as { accessToken: string; refreshToken: string; user: { id: string; version: number } };
  };
  const desk = await login();
  const phone = await login();

  const paths = await probes(routes, desk.accessToken);
  expect(await answers(routes, paths, desk.accessToken)).toEqual(everywhere(200));
  expect(await answers(routes, paths, phone.accessToken)).toEqual(everywhere(200));
  const deskStreams = [
    await openStream(routes, 'notify', desk.accessToken),
    await openStream(routes, 'ledger', desk.accessToken),
  ];
  const phoneStreams = [
    await openStream(routes, 'notify', phone.accessToken),
    await openStream(routes, 'ledger', phone.accessToken),
  ];

  try {
    // A logout ends the desk's session only.
    const out = await call(routes.identity, 'POST', '/api/v1/identity/auth/logout', undefined, {
      refreshToken: desk.refreshToken,
    });
    expect(out.status).toBe(204);
    const loggedOut = await untilEverywhere(routes, paths, desk.accessToken, 401);
    expect(loggedOut.answers).toEqual(everywhere(401));
    expect(await eventually(() => deskStreams.every((s) => s.closed()) || undefined, 10_000, 25)).toBe(true);
    expect(await answers(routes, paths, phone.accessToken)).toEqual(everywhere(200));
    expect(phoneStreams.map((s) => s.closed())).toEqual([false, false]);
    const refused = await call(routes.ticket, 'GET', paths.ticket, desk.accessToken);
    expect(refused.body.detail).toMatch(/this session has ended/);

    // Deactivation ends every session of the user, though the phone's token has 15 minutes to live.
    const user = (await call(routes.identity, 'GET', `/api/v1/identity/users/${desk.user.id}`, adminToken))
      .body;
    const off = await call(routes.identity, 'PATCH', `/api/v1/identity/users/${desk.user.id}`, adminToken, {
      active: false,
      expectedVersion: user.version,
    });
    expect(off.status).toBe(200);
    const deactivated = await untilEverywhere(routes, paths, phone.accessToken, 401);
    expect(deactivated.answers).toEqual(everywhere(401));
    const streamsClosed = await eventually(
      () => phoneStreams.every((s) => s.closed()) || undefined,
      10_000,
      25,
    );
    expect(streamsClosed).toBe(true);
    // Nor can the ended session ask for a stream ticket, or a fresh token.
    expect(
      (
        await call(routes.identity, 'POST', '/api/v1/identity/stream-tickets', phone.accessToken, {
          stream: STREAMS.notify,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call(routes.identity, 'POST', '/api/v1/identity/auth/refresh', undefined, {
          refreshToken: phone.refreshToken,
        })
      ).status,
    ).toBe(401);
    process.stdout.write(
      `\nsessions (${label}): logout refused by all ${SERVICES.length} services after ${loggedOut.ms} ms, ` +
        `deactivation after ${deactivated.ms} ms (from the answer to the request, polled every 25 ms)\n`,
    );
  } finally {
    for (const s of [...deskStreams, ...phoneStreams]) s.abort();
  }
}

function scratchDir(): string {
  const dir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : '/tmp', 'chuishao-sessions-'));
  execFileSync('chmod', ['755', dir]);
  return dir;
}

describe('ended sessions in the standalone process', () => {
  let running: RunningService | undefined;
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = scratchDir();
  afterAll(async () => {
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logout ends one session and deactivation every session, in every service, streams included', async () => {
    db = await createTestDatabase('sessions');
    running = await startService({
      service: 'standalone',
      modules: STANDALONE_MODULES,
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: SECRET,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
    });
    const url = running.url;
    await sessionsEndEverywhere(
      Object.fromEntries(SERVICES.map((s) => [s, url])) as Routes,
      'standalone',
      'standalone',
    );
  });
});

describeWithKafka('ended sessions with one process per service on Kafka', () => {
  let procs: Record<string, ServiceProcess> = {};
  let db: { url: string; drop: () => Promise<void> };
  const dataDir = scratchDir();
  afterAll(async () => {
    await Promise.all(Object.values(procs).map((p) => p.kill('SIGTERM')));
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logout ends one session and deactivation every session, in every service, streams included', async () => {
    if (!existsSync(resolve(__dirname, '../../dist/apps/meeting/src/main.js')))
      execFileSync('npm', ['run', 'build:server'], { cwd: resolve(__dirname, '../..'), stdio: 'inherit' });
    db = await createTestDatabase('sessionsk');
    procs = await startDistributed(
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers()!.join(','),
        KAFKA_TOPIC_PREFIX: `sess${Date.now().toString(36)}.`,
        JWT_SECRET: SECRET,
        DATA_DIR: dataDir,
      },
      SERVICES,
    );
    await sessionsEndEverywhere(
      Object.fromEntries(SERVICES.map((s) => [s, procs[s].url])) as Routes,
      'one process per service, Kafka',
      'kafka',
    );
  });
});
