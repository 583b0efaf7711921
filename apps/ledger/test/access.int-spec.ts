import { AuthUser, TokenService } from '@ticketing/auth';
import { Role } from '@ticketing/contracts';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import {
  api,
  DEP_A,
  DEP_B,
  deliver,
  Lifecycle,
  SECRET,
  startLedger,
  tokenFor,
  users,
} from './ledger-test-kit';

/** What identity's POST /api/v1/identity/stream-tickets hands out: EventSource cannot send the bearer token. */
const streamTicket = (user: AuthUser) =>
  new TokenService(SECRET).signStreamTicket(user, '/api/v1/ledger/stream').ticket;
import { MONTH, rateFixtures, T0 } from './rate-fixtures';

const ROLES: Record<Role, AuthUser> = {
  admin: users.admin,
  committee: users.committee,
  department: users.department(DEP_A),
  instructor: users.instructor(['grid-1']),
  enterprise: users.enterprise('ent-1'),
};

/** Every endpoint × every role; the department acts on its own department, the others on theirs. */
const MATRIX: { method: string; path: string; allowed: Role[] }[] = [
  { method: 'GET', path: '/api/v1/ledger/verify', allowed: ['committee', 'admin'] },
  { method: 'GET', path: '/api/v1/ledger/seals', allowed: ['committee', 'admin'] },
  { method: 'GET', path: '/api/v1/ledger/entries', allowed: ['committee', 'admin'] },
  { method: 'POST', path: '/api/v1/ledger/seals', allowed: ['committee', 'admin'] },
  { method: 'POST', path: '/api/v1/ledger/projections/rebuild', allowed: ['admin'] },
  {
    method: 'GET',
    path: '/api/v1/ledger/figures/definitions',
    allowed: ['committee', 'admin', 'department', 'instructor', 'enterprise'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/figures?from=${MONTH}`,
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/figures/explain?figure=replyRate&month=${MONTH}`,
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/ranking?month=${MONTH}`,
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/dashboard/overview?month=${MONTH}`,
    allowed: ['committee', 'admin'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/dashboard/departments/${DEP_A}?month=${MONTH}`,
    allowed: ['committee', 'admin', 'department'],
  },
  { method: 'GET', path: '/api/v1/ledger/dashboard/trends', allowed: ['committee', 'admin', 'department'] },
  { method: 'GET', path: '/api/v1/ledger/dashboard/overdue', allowed: ['committee', 'admin', 'department'] },
  { method: 'GET', path: '/api/v1/ledger/dashboard/joint-meeting', allowed: ['committee', 'admin'] },
  {
    method: 'GET',
    path: '/api/v1/ledger/exports/ledger.xlsx?from=2026-03-01&to=2026-03-31',
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: '/api/v1/ledger/exports/ledger.csv?from=2026-03-01&to=2026-03-31',
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: `/api/v1/ledger/exports/monthly-report.xlsx?month=${MONTH}`,
    allowed: ['committee', 'admin', 'department'],
  },
  {
    method: 'GET',
    path: '/api/v1/ledger/enterprises/ent-1/file',
    allowed: ['committee', 'admin', 'instructor', 'enterprise'],
  },
];

describe('ledger access and input', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_access');
    running = await startLedger(db.url);
    await deliver(running, rateFixtures());
  });

  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  describe.each(MATRIX)('$method $path', ({ method, path, allowed }) => {
    it('401 without a token', async () => {
      expect((await api(running, method, path)).status).toBe(401);
    });

    it.each(Object.keys(ROLES) as Role[])('role %s', async (role) => {
      const r = await api(running, method, path, ROLES[role]);
      if (allowed.includes(role))
        expect([role, r.status]).toEqual([role, method === 'POST' && path.endsWith('/seals') ? 201 : 200]);
      else
        expect([role, r.status, r.headers.get('content-type')]).toEqual([
          role,
          403,
          expect.stringContaining('application/problem+json'),
        ]);
    });
  });

  it.each([
    [`/api/v1/ledger/dashboard/departments/${DEP_B}?month=${MONTH}`],
    [`/api/v1/ledger/figures?from=${MONTH}&departmentId=${DEP_B}`],
    [`/api/v1/ledger/figures/explain?figure=replyRate&month=${MONTH}&departmentId=${DEP_B}`],
    [`/api/v1/ledger/dashboard/overdue?departmentId=${DEP_B}`],
    [`/api/v1/ledger/dashboard/trends?departmentId=${DEP_B}`],
    [`/api/v1/ledger/exports/monthly-report.xlsx?month=${MONTH}&departmentId=${DEP_B}`],
  ])('a department may not look at another department: %s', async (path) => {
    expect((await api(running, 'GET', path, users.department(DEP_A))).status).toBe(403);
  });

  it('a department without filters sees only itself', async () => {
    const r = await api(
      running,
      'GET',
      `/api/v1/ledger/figures?from=${MONTH}&groupBy=department`,
      users.department(DEP_B),
    );
    expect(r.body.rows.map((x: { key: string }) => x.key)).toEqual([DEP_B]);
  });

  it.each([
    ['another enterprise', users.enterprise('ent-2')],
    ['an instructor of another grid', users.instructor(['grid-9'])],
  ])('the enterprise file refuses %s', async (_, user) => {
    expect((await api(running, 'GET', '/api/v1/ledger/enterprises/ent-1/file', user)).status).toBe(403);
  });

  it('an unknown enterprise file is 404', async () => {
    expect(
      (await api(running, 'GET', '/api/v1/ledger/enterprises/ent-404/file', users.committee)).status,
    ).toBe(404);
  });

  it.each([
    ['/api/v1/ledger/figures?from=2026-13', 'from'],
    ['/api/v1/ledger/figures?from=2026-03&to=2026-01', 'to'],
    ['/api/v1/ledger/figures?from=2020-01&to=2026-01', 'to'],
    ['/api/v1/ledger/figures?groupBy=street', 'groupBy'],
    ['/api/v1/ledger/figures?colour=red', 'colour'],
    ['/api/v1/ledger/figures/explain?figure=happiness&month=2026-03', 'figure'],
    ['/api/v1/ledger/figures/explain?figure=replyRate', 'month'],
    ['/api/v1/ledger/ranking?month=March', 'month'],
    ['/api/v1/ledger/dashboard/overview?month=2026-3', 'month'],
    ['/api/v1/ledger/dashboard/trends?granularity=day', 'granularity'],
    ['/api/v1/ledger/dashboard/trends?periods=0', 'periods'],
    ['/api/v1/ledger/dashboard/overdue?level=green', 'level'],
    ['/api/v1/ledger/dashboard/overdue?limit=5000', 'limit'],
    ['/api/v1/ledger/dashboard/joint-meeting?includeClosed=maybe', 'includeClosed'],
    ['/api/v1/ledger/exports/ledger.xlsx?from=2026-03-01', 'to'],
    ['/api/v1/ledger/exports/ledger.csv?from=2026-02-30x&to=2026-03-01', 'from'],
    ['/api/v1/ledger/exports/ledger.xlsx?from=2026-02-30&to=2026-03-31', 'from'],
    ['/api/v1/ledger/exports/ledger.csv?from=0000-01-01&to=0000-01-02', 'from'],
    ['/api/v1/ledger/exports/ledger.csv?from=2026-03-10&to=2026-03-01', 'to'],
    ['/api/v1/ledger/exports/ledger.csv?from=2024-01-01&to=2026-03-01', 'to'],
    ['/api/v1/ledger/exports/monthly-report.xlsx', 'month'],
    ['/api/v1/ledger/entries?number=12345', 'number'],
    ['/api/v1/ledger/entries?type=DROP%20TABLE', 'type'],
    ['/api/v1/ledger/entries?before=-1', 'before'],
    ['/api/v1/ledger/entries?before=100000000000000000000', 'before'],
    ['/api/v1/ledger/entries?before=9223372036854775808', 'before'],
    ['/api/v1/ledger/entries?number=CS-2026-' + '1'.repeat(100), 'number'],
    ['/api/v1/ledger/figures?departmentId=' + 'd'.repeat(101), 'departmentId'],
    ['/api/v1/ledger/entries?limit=201', 'limit'],
  ])('400 naming the field: %s', async (path, field) => {
    const r = await api(running, 'GET', path, users.admin);
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it("finds a ticket's entries by its number", async () => {
    await deliver(
      running,
      new Lifecycle({ ticketId: 't-num-000042' }, T0).submit().after(1).assign(DEP_A).events,
    );
    const r = await api(running, 'GET', '/api/v1/ledger/entries?number=CS-2026-000042', users.committee);
    expect(r.status).toBe(200);
    expect(r.body.items.map((e: { type: string }) => e.type).reverse()).toEqual([
      'ticket.submitted',
      'ticket.assigned',
      'sla.deadline-set',
    ]);
    expect(r.body.items.every((e: { ticketNumber: string }) => e.ticketNumber === 'CS-2026-000042')).toBe(
      true,
    );
  });

  it('live updates: SSE opened with a one-use stream ticket, a department hears its own entries only', async () => {
    const open = (user: AuthUser) => {
      const ctrl = new AbortController();
      const received: string[] = [];
      const done = fetch(`${running.url}/api/v1/ledger/stream?ticket=${streamTicket(user)}`, {
        signal: ctrl.signal,
      })
        .then(async (res) => {
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toContain('text/event-stream');
          const reader = res.body!.getReader();
          for (;;) {
            const { value, done: end } = await reader.read();
            if (end) return;
            received.push(Buffer.from(value).toString('utf8'));
          }
        })
        .catch((e: Error) => {
          if (e.name !== 'AbortError') throw e;
        });
      return { received, close: () => ctrl.abort(), done };
    };
    const committee = open(users.committee);
    const depB = open(users.department(DEP_B));
    await new Promise((r) => setTimeout(r, 300));
    await deliver(running, new Lifecycle({ ticketId: 't-sse-1' }, T0).submit().after(1).assign(DEP_A).events);
    const text = () => committee.received.join('');
    expect(await eventually(() => (text().match(/event: entry/g) ?? []).length >= 3, 10000)).toBe(true);
    expect(text()).toContain('"ticketId":"t-sse-1"');
    expect(depB.received.join('')).not.toContain('t-sse-1');
    committee.close();
    depB.close();
    await Promise.all([committee.done, depB.done]);
    const denied = await fetch(
      `${running.url}/api/v1/ledger/stream?ticket=${streamTicket(users.enterprise('ent-1'))}`,
    );
    expect(denied.status).toBe(403);
    // Never a token in the URL (proxies log URLs).
    const inUrl = await fetch(
      `${running.url}/api/v1/ledger/stream?access_token=${tokenFor(users.committee)}`,
    );
    expect(inUrl.status).toBe(401);
  });
});
