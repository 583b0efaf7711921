import { AuthUser, TokenService } from '@ticketing/auth';
import { DEFAULT_DEPARTMENTS, newId, Role, Roles } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import { callService, createTestDatabase, eventually } from '@ticketing/testing';
import { Client } from 'pg';
import { IdentityEnv } from '../src/identity.env';
import { IdentityModule } from '../src/identity.module';
import { DEMO_ENTERPRISES, DEMO_PASSWORD } from '../src/seed/demo-data';

const SECRET = 'x'.repeat(40);
const tokens = new TokenService(SECRET);
const API = '/api/v1/identity';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

describe('identity service', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService | undefined;
  let pg: Client;
  let adminId: string;

  const start = (extra: Record<string, string> = {}) =>
    startService({
      service: 'identity',
      env: IdentityEnv,
      modules: [IdentityModule],
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '1000',
        ...extra,
      },
    });

  const call = (
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<Reply> =>
    callService(running!.url, {
      method,
      path: `${API}${path}`,
      token: opts.token ?? null,
      body: opts.body,
      rawStrings: false,
    });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number(
      (await pg.query(`SELECT count(*)::int AS n FROM identity.${table} WHERE ${where}`, params)).rows[0].n,
    );

  const tokenFor = (role: Role, over: Partial<AuthUser> = {}) =>
    tokens.sign({
      id: newId(),
      role,
      name: `test ${role}`,
      ...(role === 'enterprise' ? { enterpriseId: newId() } : {}),
      ...(role === 'department' ? { departmentId: DEFAULT_DEPARTMENTS[0].id } : {}),
      ...(role === 'instructor' ? { gridIds: [newId()] } : {}),
      ...over,
    }).token;
  let admin: string;
  /** The seeded user of each role: /me answers only for users that exist. */
  const demoIds = {} as Record<Role, string>;

  const login = (username: string, password = DEMO_PASSWORD) =>
    call('POST', '/auth/login', { body: { username, password } });

  /** The status /me answers the token with once the service has heard of any session ended before. */
  const meWith = (token: string, expected: number) =>
    eventually(
      async () => {
        const { status } = await call('GET', '/me', { token });
        return status === expected ? status : undefined;
      },
      10_000,
      50,
    );

  /** The directory.sessions-revoked events identity wrote for a user, oldest first. */
  const ended = async (userId: string) =>
    (
      await pg.query(
        `SELECT envelope->'payload' AS p FROM identity.outbox
          WHERE type = 'directory.sessions-revoked' AND key = $1 ORDER BY seq`,
        [userId],
      )
    ).rows.map((r: { p: { sessionId: string | null; reason: string } }) => [r.p.sessionId, r.p.reason]);

  beforeAll(async () => {
    db = await createTestDatabase('identity');
    running = await start();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    adminId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'admin'`)).rows[0].id;
    admin = tokens.sign({ id: adminId, role: 'admin', name: '系统管理员' }).token;
    for (const r of (await pg.query(`SELECT id, role FROM identity.user_account WHERE username = role`)).rows)
      demoIds[r.role as Role] = r.id;
  });

  afterAll(async () => {
    await pg?.end();
    await running?.close();
    await db?.drop();
  });

  describe('demo seed', () => {
    it('creates the default departments, 3 grids, 20 enterprises and the demo users, each announced once', async () => {
      expect(await count('department')).toBe(DEFAULT_DEPARTMENTS.length);
      const depts = (await pg.query(`SELECT id, code, name_zh FROM identity.department ORDER BY id`)).rows;
      expect(depts).toEqual(DEFAULT_DEPARTMENTS.map((d) => ({ id: d.id, code: d.code, name_zh: d.zh })));
      expect(
        (await pg.query(`SELECT name FROM identity.grid ORDER BY code`)).rows.map((r) => r.name).sort(),
      ).toEqual(['东区网格', '南区网格', '西区网格'].sort());
      expect(await count('enterprise')).toBe(20);
      expect(await count('user_account')).toBe(5 + DEFAULT_DEPARTMENTS.length);
      const roles = (
        await pg.query(
          `SELECT username, role FROM identity.user_account WHERE username NOT LIKE 'dept-%' ORDER BY username`,
        )
      ).rows;
      expect(roles).toEqual(
        ['admin', 'committee', 'department', 'enterprise', 'instructor'].map((r) => ({
          username: r,
          role: r,
        })),
      );
      const enterpriseUser = (
        await pg.query(
          `SELECT e.credit_code FROM identity.user_account u JOIN identity.enterprise e ON e.id = u.enterprise_id WHERE u.username = 'enterprise'`,
        )
      ).rows[0];
      expect(enterpriseUser.credit_code).toBe(DEMO_ENTERPRISES[0].creditCode);
      expect(
        await count('user_account', `username = 'department' AND department_id = $1`, [
          DEFAULT_DEPARTMENTS[0].id,
        ]),
      ).toBe(1);
      expect(
        await count(
          'user_grid',
          `user_id = (SELECT id FROM identity.user_account WHERE username = 'instructor')`,
        ),
      ).toBe(1);

      for (const [type, n] of [
        ['directory.department-upserted', DEFAULT_DEPARTMENTS.length],
        ['directory.grid-upserted', 3],
        ['directory.enterprise-upserted', 20],
        ['directory.user-upserted', 5 + DEFAULT_DEPARTMENTS.length],
      ] as const) {
        expect([
          type,
          await count('outbox', `type = $1 AND topic = 'ticketing.directory.v1'`, [type]),
        ]).toEqual([type, n]);
      }
      const hrss = (
        await pg.query(
          `SELECT key, envelope FROM identity.outbox WHERE type = 'directory.department-upserted' AND key = $1`,
          [DEFAULT_DEPARTMENTS[0].id],
        )
      ).rows[0];
      expect(hrss.envelope.payload).toEqual({
        id: DEFAULT_DEPARTMENTS[0].id,
        code: 'hrss',
        name: '人社局',
        nameEn: DEFAULT_DEPARTMENTS[0].en,
        active: true,
      });
      const instructorGrid = (
        await pg.query(
          `SELECT envelope FROM identity.outbox WHERE type = 'directory.grid-upserted' AND envelope->'payload'->>'name' = '东区网格'`,
        )
      ).rows[0];
      expect(instructorGrid.envelope.payload.instructorUserIds).toHaveLength(1);
    });

    it('never puts a credential into an event', async () => {
      const all = (await pg.query(`SELECT envelope::text AS e FROM identity.outbox`)).rows.map(
        (r) => r.e as string,
      );
      expect(all.length).toBeGreaterThan(0);
      for (const e of all) {
        expect(e).not.toMatch(/scrypt|password|Demo@2026/i);
      }
    });
  });

  describe('login', () => {
    it('logs in with the demo password and returns tokens and the user, without any credential', async () => {
      const r = await login('admin');
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ user: { username: 'admin', role: 'admin', active: true } });
      expect(tokens.verify(r.body.accessToken)).toMatchObject({
        id: r.body.user.id,
        role: 'admin',
        name: '系统管理员',
      });
      expect(new Date(r.body.accessTokenExpiresAt).getTime()).toBeGreaterThan(Date.now());
      expect(r.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(r.body)).not.toMatch(/scrypt|passwordHash|Demo@2026/);
      const stored = (
        await pg.query(`SELECT token_hash FROM identity.refresh_token ORDER BY created_at DESC LIMIT 1`)
      ).rows[0].token_hash;
      expect(stored).toMatch(/^[0-9a-f]{64}$/);
      expect(stored).not.toBe(r.body.refreshToken);

      const me = await call('GET', '/me', { token: r.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ username: 'admin', role: 'admin' });
    });

    it('puts the scope into the token: enterprise, department, instructor grids', async () => {
      const e = await login('enterprise');
      expect(tokens.verify(e.body.accessToken).enterpriseId).toBe(e.body.user.enterpriseId);
      const d = await login('Dept-HRSS'); // usernames are case-insensitive
      expect(tokens.verify(d.body.accessToken).departmentId).toBe(DEFAULT_DEPARTMENTS[0].id);
      const i = await login('instructor');
      expect(tokens.verify(i.body.accessToken).gridIds).toHaveLength(1);
    });

    it('answers a wrong password and an unknown user alike with 401, not saying which part was wrong', async () => {
      const wrong = await login('committee', 'Demo@2025');
      const unknown = await login('nobody-here', DEMO_PASSWORD);
      for (const r of [wrong, unknown]) {
        expect(r.status).toBe(401);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        expect(r.body.detail).toBe('wrong username or password');
        expect(r.body.accessToken).toBeUndefined();
      }
    });

    it('locks an account for 15 minutes after 5 failures, even for the right password, with Retry-After', async () => {
      for (let i = 0; i < 5; i++) expect((await login('dept-tax', `wrong-${i}`)).status).toBe(401);
      const locked = await login('dept-tax');
      expect(locked.status).toBe(429);
      const retryAfter = Number(locked.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
      expect(locked.body.detail).toMatch(/locked/);
      expect(locked.body.retryAfterSeconds).toBe(retryAfter);
      // Other accounts are not affected.
      expect((await login('dept-justice')).status).toBe(200);
    }, 30000);

    it('holds back repeated failures a little longer each time', async () => {
      const t0 = Date.now();
      await login('dept-science', 'nope-1');
      const first = Date.now() - t0;
      await login('dept-science', 'nope-2');
      await login('dept-science', 'nope-3');
      const t3 = Date.now();
      await login('dept-science', 'nope-4');
      const fourth = Date.now() - t3;
      expect(fourth).toBeGreaterThanOrEqual(800);
      expect(fourth).toBeGreaterThan(first);
      await pg.query(`DELETE FROM identity.login_failure WHERE username = 'dept-science'`);
    }, 30000);

    it('refuses a disabled account even with the right password', async () => {
      const created = await call('POST', '/users', {
        token: admin,
        body: {
          username: 'temp-committee',
          displayName: '临时',
          role: 'committee',
          initialPassword: 'Temp1234',
        },
      });
      expect(created.status).toBe(201);
      const first = await login('temp-committee', 'Temp1234');
      expect(first.status).toBe(200);
      expect(
        (await call('PATCH', `/users/${created.body.id}`, { token: admin, body: { active: false } })).status,
      ).toBe(200);
      expect((await login('temp-committee', 'Temp1234')).status).toBe(401);
      // …and its existing session cannot be refreshed.
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: first.body.refreshToken } })).status,
      ).toBe(401);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: each refresh token works once and yields a new pair', async () => {
      const s = await login('committee');
      const r1 = await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } });
      expect(r1.status).toBe(200);
      expect(r1.body.refreshToken).not.toBe(s.body.refreshToken);
      expect(tokens.verify(r1.body.accessToken).role).toBe('committee');
      const r2 = await call('POST', '/auth/refresh', { body: { refreshToken: r1.body.refreshToken } });
      expect(r2.status).toBe(200);
    });

    it('treats reuse of a rotated token as theft and ends the whole login', async () => {
      const s = await login('committee');
      const r1 = await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } });
      expect(r1.status).toBe(200);
      const replay = await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.body.detail).toMatch(/already used/);
      const victim = await call('POST', '/auth/refresh', { body: { refreshToken: r1.body.refreshToken } });
      expect(victim.status).toBe(401);
      // The access tokens of that login end with it.
      expect(await meWith(r1.body.accessToken, 401)).toBe(401);
      // Another login of the same user is untouched.
      const other = await login('committee');
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: other.body.refreshToken } })).status,
      ).toBe(200);
    });

    it('refuses an unknown token', async () => {
      const r = await call('POST', '/auth/refresh', { body: { refreshToken: 'A'.repeat(43) } });
      expect(r.status).toBe(401);
    });

    it('logout ends that login only: its refresh token and its access tokens, not the user’s other logins', async () => {
      const s = await login('instructor');
      const other = await login('instructor');
      const sid = tokens.verify(s.body.accessToken).sessionId;
      expect(sid).toEqual(expect.any(String));
      expect(tokens.verify(other.body.accessToken).sessionId).not.toBe(sid);
      const out = await call('POST', '/auth/logout', { body: { refreshToken: s.body.refreshToken } });
      expect(out.status).toBe(204);
      expect(await ended(s.body.user.id)).toContainEqual([sid, 'logout']);
      expect(await meWith(s.body.accessToken, 401)).toBe(401);
      expect((await call('GET', '/me', { token: other.body.accessToken })).status).toBe(200);
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } })).status,
      ).toBe(401);
      expect(
        (await call('POST', '/auth/logout', { body: { refreshToken: s.body.refreshToken } })).status,
      ).toBe(204);
    });
  });

  describe('change password', () => {
    it('needs the current password, ends other sessions, and the new one works', async () => {
      const created = await call('POST', '/users', {
        token: admin,
        body: {
          username: 'pw-changer',
          displayName: '改密码',
          role: 'committee',
          initialPassword: 'Initial123',
        },
      });
      expect(created.status).toBe(201);
      const s = await login('pw-changer', 'Initial123');
      expect(s.body.user.mustChangePassword).toBe(true);
      // The admin knows this password: until it is changed, the account may only see itself and change it.
      const blocked = await call('GET', '/departments', { token: s.body.accessToken });
      expect(blocked.status).toBe(403);
      expect(blocked.body.type).toBe('urn:chuishao:problem:passwordChangeRequired');
      expect((await call('GET', '/me', { token: s.body.accessToken })).status).toBe(200);
      const wrong = await call('POST', '/auth/change-password', {
        token: s.body.accessToken,
        body: { currentPassword: 'Nope12345', newPassword: 'Changed123' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
      ]);
      const ok = await call('POST', '/auth/change-password', {
        token: s.body.accessToken,
        body: { currentPassword: 'Initial123', newPassword: 'Changed123' },
      });
      expect(ok.status).toBe(204);
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } })).status,
      ).toBe(401);
      expect(await ended(s.body.user.id)).toEqual([[null, 'password-changed']]);
      expect(await meWith(s.body.accessToken, 401)).toBe(401);
      expect((await login('pw-changer', 'Initial123')).status).toBe(401);
      const again = await login('pw-changer', 'Changed123');
      expect(again.status).toBe(200);
      expect(again.body.user.mustChangePassword).toBe(false);
      expect((await call('GET', '/departments', { token: again.body.accessToken })).status).toBe(200);
    }, 30000);

    it('lets an admin reset a password, which ends the user’s sessions', async () => {
      const s = await login('dept-ecology');
      const reset = await call('POST', `/users/${s.body.user.id}/reset-password`, {
        token: admin,
        body: { newPassword: 'Reset2026x' },
      });
      expect(reset.status).toBe(204);
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } })).status,
      ).toBe(401);
      expect(await ended(s.body.user.id)).toEqual([[null, 'password-reset']]);
      expect(await meWith(s.body.accessToken, 401)).toBe(401);
      expect((await login('dept-ecology')).status).toBe(401);
      const afterReset = await login('dept-ecology', 'Reset2026x');
      expect(afterReset.body.user.mustChangePassword).toBe(true);
      // A refreshed token still carries the duty to change the password.
      const refreshed = await call('POST', '/auth/refresh', {
        body: { refreshToken: afterReset.body.refreshToken },
      });
      expect(refreshed.status).toBe(200);
      const claims = JSON.parse(
        Buffer.from(refreshed.body.accessToken.split('.')[1], 'base64url').toString(),
      );
      expect(claims.pcr).toBe(true);
    });
  });

  describe('ended sessions', () => {
    it('deactivation ends every session at once, in the transaction that stores it; a new login is refused', async () => {
      const created = await call('POST', '/users', {
        token: admin,
        body: {
          username: 'leaver',
          displayName: '离职人员',
          role: 'committee',
          initialPassword: 'Leaver2026',
        },
      });
      const id = created.body.id as string;
      expect(
        (
          await call('POST', '/auth/change-password', {
            token: (await login('leaver', 'Leaver2026')).body.accessToken,
            body: { currentPassword: 'Leaver2026', newPassword: 'Leaver2027' },
          })
        ).status,
      ).toBe(204);
      const desk = await login('leaver', 'Leaver2027');
      const phone = await login('leaver', 'Leaver2027');
      expect(await meWith(desk.body.accessToken, 200)).toBe(200);
      const off = await call('PATCH', `/users/${id}`, {
        token: admin,
        body: { active: false, expectedVersion: created.body.version },
      });
      expect(off.status).toBe(200);
      expect(await ended(id)).toEqual([
        [null, 'password-changed'],
        [null, 'deactivated'],
      ]);
      expect(await meWith(desk.body.accessToken, 401)).toBe(401);
      expect(await meWith(phone.body.accessToken, 401)).toBe(401);
      expect((await call('GET', '/me', { token: phone.body.accessToken })).body.detail).toMatch(
        /this session has ended/,
      );
      // Every service keeps what it heard, so a restarted one still refuses the token.
      expect(await count('session_revocations', 'user_id = $1 AND session_id = $2', [id, ''])).toBe(1);
      expect((await login('leaver', 'Leaver2027')).status).toBe(401);
    });

    it('a role change ends the sessions; a change of display name does not', async () => {
      const s = await login('dept-justice');
      const id = s.body.user.id as string;
      const renamed = await call('PATCH', `/users/${id}`, {
        token: admin,
        body: { displayName: '司法局 王科长', expectedVersion: s.body.user.version },
      });
      expect(renamed.status).toBe(200);
      expect(await ended(id)).toEqual([]);
      const moved = await call('PATCH', `/users/${id}`, {
        token: admin,
        body: { role: 'committee', expectedVersion: renamed.body.version },
      });
      expect(moved.status).toBe(200);
      expect(await ended(id)).toEqual([[null, 'role-changed']]);
      expect(await meWith(s.body.accessToken, 401)).toBe(401);
      // Logged in again, the token carries the new role and works.
      const again = await login('dept-justice');
      expect(tokens.verify(again.body.accessToken).role).toBe('committee');
      expect((await call('GET', '/me', { token: again.body.accessToken })).status).toBe(200);
    });

    it('hands out one-use stream tickets for a stream of this API, and not for anything else', async () => {
      const s = await login('committee');
      const issued = await call('POST', '/stream-tickets', {
        token: s.body.accessToken,
        body: { stream: '/api/v1/notify/stream' },
      });
      expect(issued.status).toBe(201);
      const holder = tokens.verifyStreamTicket(issued.body.ticket, '/api/v1/notify/stream');
      expect(holder).toMatchObject({
        id: s.body.user.id,
        sessionId: tokens.verify(s.body.accessToken).sessionId,
      });
      expect(new Date(issued.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(30_000);
      // Not a bearer token.
      expect((await call('GET', '/me', { token: issued.body.ticket })).status).toBe(401);
      for (const stream of ['https://elsewhere.example/x', '/api/v1/notify/stream?x=1', '', 42]) {
        const bad = await call('POST', '/stream-tickets', { token: s.body.accessToken, body: { stream } });
        expect({
          stream,
          status: bad.status,
          fields: bad.body.errors?.map((e: { field: string }) => e.field),
        }).toEqual({
          stream,
          status: 400,
          fields: ['stream'],
        });
      }
      expect(
        (await call('POST', '/stream-tickets', { body: { stream: '/api/v1/notify/stream' } })).status,
      ).toBe(401);
    });
  });

  describe('authorisation matrix', () => {
    const someId = '0193a000-0000-7000-8000-0000000000ff';
    const endpoints: { method: string; path: string; allowed: Role[] }[] = [
      { method: 'GET', path: '/users', allowed: ['admin', 'committee'] },
      { method: 'GET', path: `/users/${someId}`, allowed: ['admin', 'committee'] },
      { method: 'POST', path: '/users', allowed: ['admin'] },
      { method: 'PATCH', path: `/users/${someId}`, allowed: ['admin'] },
      { method: 'POST', path: `/users/${someId}/reset-password`, allowed: ['admin'] },
      { method: 'GET', path: '/enterprises', allowed: ['admin', 'committee', 'instructor'] },
      {
        method: 'GET',
        path: `/enterprises/${someId}`,
        allowed: ['admin', 'committee', 'instructor', 'enterprise'],
      },
      { method: 'POST', path: '/enterprises', allowed: ['admin'] },
      { method: 'PATCH', path: `/enterprises/${someId}`, allowed: ['admin'] },
      { method: 'GET', path: '/departments', allowed: ['admin', 'committee'] },
      { method: 'GET', path: `/departments/${someId}`, allowed: ['admin', 'committee'] },
      { method: 'POST', path: '/departments', allowed: ['admin'] },
      { method: 'PATCH', path: `/departments/${someId}`, allowed: ['admin'] },
      { method: 'GET', path: '/grids', allowed: ['admin', 'committee'] },
      { method: 'GET', path: `/grids/${someId}`, allowed: ['admin', 'committee'] },
      { method: 'POST', path: '/grids', allowed: ['admin'] },
      { method: 'PATCH', path: `/grids/${someId}`, allowed: ['admin'] },
      { method: 'GET', path: '/audit', allowed: ['admin'] },
      { method: 'GET', path: '/registrations', allowed: ['admin', 'committee'] },
      { method: 'POST', path: `/registrations/${someId}/approve`, allowed: ['admin', 'committee'] },
      { method: 'POST', path: `/registrations/${someId}/reject`, allowed: ['admin', 'committee'] },
      { method: 'POST', path: `/users/${someId}/reset-link`, allowed: ['admin'] },
      { method: 'GET', path: '/me', allowed: [...Roles] },
      { method: 'POST', path: '/auth/change-password', allowed: [...Roles] },
    ];

    it.each(endpoints)(
      '$method $path: 401 without a token, 403 for roles other than $allowed',
      async ({ method, path, allowed }) => {
        const body = method === 'GET' ? undefined : {};
        const anonymous = await call(method, path, { body });
        expect([method, path, 'anonymous', anonymous.status]).toEqual([method, path, 'anonymous', 401]);
        const forged = await call(method, path, { body, token: tokenFor('admin') + 'x' });
        expect(forged.status).toBe(401);
        for (const role of Roles) {
          const r = await call(method, path, { body, token: tokenFor(role, { id: demoIds[role] }) });
          if (allowed.includes(role)) {
            expect([role, r.status]).not.toEqual([role, 403]);
            expect(r.status).not.toBe(401);
          } else {
            expect([role, r.status]).toEqual([role, 403]);
          }
        }
      },
    );

    it('answers /me only for a user that still exists', async () => {
      expect((await call('GET', '/me', { token: tokenFor('committee') })).status).toBe(401);
    });

    it('documents every endpoint in OpenAPI', async () => {
      const doc = (await (await fetch(`${running!.url}/api/docs-json`)).json()) as {
        paths: Record<string, Record<string, { responses: object }>>;
      };
      const paths = Object.keys(doc.paths).filter((p) => p.startsWith(API));
      expect(paths.sort()).toEqual(
        [
          '/auth/login',
          '/auth/refresh',
          '/auth/logout',
          '/auth/change-password',
          '/me',
          '/stream-tickets',
          '/audit',
          '/users',
          '/users/{id}',
          '/users/{id}/reset-password',
          '/users/{id}/reset-link',
          '/registrations',
          '/registrations/{id}/approve',
          '/registrations/{id}/reject',
          '/password-resets',
          '/enterprises',
          '/enterprises/{id}',
          '/departments',
          '/departments/{id}',
          '/grids',
          '/grids/{id}',
        ]
          .map((p) => API + p)
          .sort(),
      );
      expect(doc.paths[`${API}/auth/login`].post.responses).toHaveProperty('429');
    });

    it('lets committee read lists', async () => {
      const r = await call('GET', '/enterprises?limit=5', { token: tokenFor('committee') });
      expect(r.status).toBe(200);
      expect(r.body.items).toHaveLength(5);
    });

    it('lets an instructor read only the enterprises of their own grids', async () => {
      const grid = async (name: string) =>
        (await pg.query(`SELECT id FROM identity.grid WHERE name = $1`, [name])).rows[0].id as string;
      const [east, west] = [await grid('东区网格'), await grid('西区网格')];
      const idsOf = async (gridId: string) =>
        (
          await pg.query(`SELECT id FROM identity.enterprise WHERE grid_id = $1 ORDER BY id`, [gridId])
        ).rows.map((r) => r.id as string);
      const [eastIds, westIds] = [await idsOf(east), await idsOf(west)];
      expect(eastIds.length).toBeGreaterThan(0);
      expect(westIds.length).toBeGreaterThan(0);

      // The demo instructor logs in for real, so the grid scope comes from identity's own claim.
      const session = await login('instructor');
      expect(session.body.user.gridIds).toEqual([east]);
      const token = session.body.accessToken as string;
      const listed = await call('GET', '/enterprises?limit=100', { token });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual(eastIds);
      expect(listed.body.items.every((e: { gridId: string }) => e.gridId === east)).toBe(true);

      // A gridId in the query cannot widen the scope; it only narrows it.
      const asked = await call('GET', `/enterprises?gridId=${west}`, { token });
      expect(asked.status).toBe(200);
      expect(asked.body.items).toEqual([]);
      expect((await call('GET', `/enterprises?gridId=${east}&limit=100`, { token })).body.items).toHaveLength(
        eastIds.length,
      );

      const own = await call('GET', `/enterprises/${eastIds[0]}`, { token });
      expect(own.status).toBe(200);
      expect(own.body.gridId).toBe(east);
      const other = await call('GET', `/enterprises/${westIds[0]}`, { token });
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      // Committee still reads the west enterprise: the 404 above is the scope, not a missing row.
      expect((await call('GET', `/enterprises/${westIds[0]}`, { token: tokenFor('committee') })).status).toBe(
        200,
      );

      const gridless = tokenFor('instructor', { gridIds: [] });
      expect((await call('GET', '/enterprises', { token: gridless })).body.items).toEqual([]);
      expect((await call('GET', `/enterprises/${eastIds[0]}`, { token: gridless })).status).toBe(404);
    });

    it('lets an enterprise user read its own enterprise, and no other, and not the list', async () => {
      const session = await login('enterprise');
      const token = session.body.accessToken as string;
      const ownId = session.body.user.enterpriseId as string;
      const own = await call('GET', `/enterprises/${ownId}`, { token });
      expect(own.status).toBe(200);
      expect(own.body.name).toBe('六枝特区恒达机械制造有限公司');
      expect(own.body.contacts[0]).toMatchObject({ name: '王建国', phone: '13885810231' });
      const { rows } = await pg.query(`SELECT id FROM identity.enterprise WHERE id <> $1 LIMIT 1`, [ownId]);
      const other = await call('GET', `/enterprises/${rows[0].id}`, { token });
      expect(other.status).toBe(404);
      expect(other.headers.get('content-type')).toContain('application/problem+json');
      expect((await call('GET', '/enterprises', { token })).status).toBe(403);
      // A token without an enterprise (never issued so, but refused all the same) reads nothing.
      const unbound = tokenFor('enterprise', { enterpriseId: undefined });
      expect((await call('GET', `/enterprises/${ownId}`, { token: unbound })).status).toBe(404);
    });
  });

  describe('bad input', () => {
    const tables = ['outbox', 'audit_entry', 'user_account', 'enterprise', 'department', 'grid', 'user_grid'];
    const snapshot = async () =>
      Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)] as const)));
    let someUserId: string;
    let someEnterpriseId: string;
    let someGridId: string;

    beforeAll(async () => {
      someUserId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'instructor'`))
        .rows[0].id;
      someEnterpriseId = (await pg.query(`SELECT id FROM identity.enterprise LIMIT 1`)).rows[0].id;
      someGridId = (await pg.query(`SELECT id FROM identity.grid LIMIT 1`)).rows[0].id;
    });

    const cases = (): {
      name: string;
      method: string;
      path: string;
      body?: unknown;
      fields: string[];
      token?: () => string;
    }[] => [
      {
        name: 'create user: bad username, no password',
        method: 'POST',
        path: '/users',
        body: { username: 'Bad Name!', displayName: 'x', role: 'committee' },
        fields: ['username', 'initialPassword'],
      },
      {
        name: 'create user: unknown role',
        method: 'POST',
        path: '/users',
        body: { username: 'okname', displayName: 'x', role: 'king', initialPassword: 'Abcdefg1' },
        fields: ['role'],
      },
      {
        name: 'create user: enterprise role without enterprise',
        method: 'POST',
        path: '/users',
        body: { username: 'okname', displayName: 'x', role: 'enterprise', initialPassword: 'Abcdefg1' },
        fields: ['enterpriseId'],
      },
      {
        name: 'create user: unknown department',
        method: 'POST',
        path: '/users',
        body: {
          username: 'okname',
          displayName: 'x',
          role: 'department',
          departmentId: newId(),
          initialPassword: 'Abcdefg1',
        },
        fields: ['departmentId'],
      },
      {
        name: 'create user: weak password',
        method: 'POST',
        path: '/users',
        body: { username: 'okname', displayName: 'x', role: 'admin', initialPassword: 'password' },
        fields: ['initialPassword'],
      },
      {
        name: 'create user: unknown field',
        method: 'POST',
        path: '/users',
        body: {
          username: 'okname',
          displayName: 'x',
          role: 'admin',
          initialPassword: 'Abcdefg1',
          passwordHash: 'x',
        },
        fields: ['passwordHash'],
      },
      {
        name: 'update user: bad id',
        method: 'PATCH',
        path: '/users/not-a-uuid',
        body: { displayName: 'x' },
        fields: ['id'],
      },
      // null clears an optional field; these cannot be cleared, so null is refused like any wrong type.
      {
        name: 'update user: null for a name or a flag',
        method: 'PATCH',
        path: '/users/:user',
        body: { displayName: null, active: null },
        fields: ['displayName', 'active'],
      },
      {
        name: 'update enterprise: null for a name, a credit code or a flag',
        method: 'PATCH',
        path: '/enterprises/:enterprise',
        body: { name: null, creditCode: null, active: null },
        fields: ['name', 'creditCode', 'active'],
      },
      {
        name: 'update grid: null for its name',
        method: 'PATCH',
        path: '/grids/:grid',
        body: { name: null },
        fields: ['name'],
      },
      {
        name: 'update department: null for its name or a flag',
        method: 'PATCH',
        path: '/departments/:department',
        body: { nameZh: null, active: null },
        fields: ['nameZh', 'active'],
      },
      {
        name: 'update user: grids for a non-instructor role',
        method: 'PATCH',
        path: '/users/:user',
        body: { role: 'committee', gridIds: [newId()] },
        fields: ['gridIds'],
      },
      {
        name: 'update user: bad mobile',
        method: 'PATCH',
        path: '/users/:user',
        body: { mobile: '12345' },
        fields: ['mobile'],
      },
      {
        name: 'reset password: too short',
        method: 'POST',
        path: '/users/:user/reset-password',
        body: { newPassword: 'a1' },
        fields: ['newPassword'],
      },
      {
        name: 'create enterprise: wrong check character',
        method: 'POST',
        path: '/enterprises',
        body: { name: '测试有限公司', creditCode: '91110000600037341A' },
        fields: ['creditCode'],
      },
      {
        name: 'create enterprise: bad contact phone, unknown grid',
        method: 'POST',
        path: '/enterprises',
        body: {
          name: '测试有限公司',
          creditCode: '91110000600037341L',
          contacts: [{ name: '王', phone: '123' }],
          gridId: 'x',
        },
        fields: ['contacts.0.phone', 'gridId'],
      },
      {
        name: 'create enterprise: grid that does not exist',
        method: 'POST',
        path: '/enterprises',
        body: { name: '测试有限公司', creditCode: '91110000600037341L', gridId: newId() },
        fields: ['gridId'],
      },
      {
        name: 'update enterprise: bad credit code',
        method: 'PATCH',
        path: '/enterprises/:enterprise',
        body: { creditCode: '9111000060003734' },
        fields: ['creditCode'],
      },
      {
        name: 'create department: bad code, no name',
        method: 'POST',
        path: '/departments',
        body: { code: 'Bad Code' },
        fields: ['code', 'nameZh'],
      },
      {
        name: 'update department: active not boolean',
        method: 'PATCH',
        path: `/departments/${DEFAULT_DEPARTMENTS[1].id}`,
        body: { active: 'yes' },
        fields: ['active'],
      },
      {
        name: 'create grid: empty code and name',
        method: 'POST',
        path: '/grids',
        body: { code: '', name: '' },
        fields: ['code', 'name'],
      },
      {
        name: 'update grid: instructors not UUIDs',
        method: 'PATCH',
        path: '/grids/:grid',
        body: { instructorUserIds: ['x'] },
        fields: ['instructorUserIds'],
      },
      {
        name: 'update grid: a non-instructor as instructor',
        method: 'PATCH',
        path: '/grids/:grid',
        body: { instructorUserIds: [adminId] },
        fields: ['instructorUserIds'],
      },
      { name: 'list users: limit 0', method: 'GET', path: '/users?limit=0', fields: ['limit'] },
      {
        name: 'list enterprises: bad cursor',
        method: 'GET',
        path: '/enterprises?cursor=abc',
        fields: ['cursor'],
      },
      {
        name: 'list audit: bad cursor and type',
        method: 'GET',
        path: '/audit?cursor=abc&entityType=ticket',
        fields: ['cursor', 'entityType'],
      },
      {
        name: 'login: empty body',
        method: 'POST',
        path: '/auth/login',
        body: {},
        fields: ['username', 'password'],
      },
      {
        name: 'refresh: missing token',
        method: 'POST',
        path: '/auth/refresh',
        body: {},
        fields: ['refreshToken'],
      },
      {
        name: 'logout: token too short',
        method: 'POST',
        path: '/auth/logout',
        body: { refreshToken: 'x' },
        fields: ['refreshToken'],
      },
      {
        name: 'change password: weak new password',
        method: 'POST',
        path: '/auth/change-password',
        body: { currentPassword: '', newPassword: 'abc' },
        fields: ['currentPassword', 'newPassword'],
        token: () => tokenFor('committee'),
      },
    ];

    it('answers every bad request with 400 problem+json naming the field, and writes nothing', async () => {
      const before = await snapshot();
      for (const c of cases()) {
        const path = c.path
          .replace(':user', someUserId)
          .replace(':enterprise', someEnterpriseId)
          .replace(':grid', someGridId)
          .replace(':department', DEFAULT_DEPARTMENTS[0].id);
        const r = await call(c.method, path, { token: c.token ? c.token() : admin, body: c.body });
        expect([c.name, r.status]).toEqual([c.name, 400]);
        expect(r.headers.get('content-type')).toContain('application/problem+json');
        const fields = (r.body.errors as { field: string }[]).map((e) => e.field);
        for (const f of c.fields) expect([c.name, fields]).toEqual([c.name, expect.arrayContaining([f])]);
      }
      expect(await snapshot()).toEqual(before);
    }, 60000);

    it('names the credit code problem', async () => {
      const r = await call('POST', '/enterprises', {
        token: admin,
        body: { name: '测试有限公司', creditCode: '91110000600037341A' },
      });
      expect(r.body.errors).toEqual([
        {
          field: 'creditCode',
          messages: ['creditCode has a wrong check character (GB 32100-2015): please check the code'],
        },
      ]);
    });
  });

  describe('admin changes', () => {
    const lastEvent = async (type: string, key: string) =>
      (
        await pg.query(
          `SELECT key, topic, envelope FROM identity.outbox WHERE type = $1 AND key = $2 ORDER BY seq DESC LIMIT 1`,
          [type, key],
        )
      ).rows[0];

    it('registers an enterprise, announces it and audits it; a duplicate credit code is 409', async () => {
      const body = {
        name: '六枝特区测试精密铸造有限公司',
        creditCode: '91110000600037341l', // lower case is normalised
        industry: '铸造',
        contacts: [{ name: '测试员', phone: '13800000000', email: 'qa@example.cn' }],
      };
      const r = await call('POST', '/enterprises', { token: admin, body });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({
        name: body.name,
        creditCode: '91110000600037341L',
        version: 1,
        gridId: null,
      });
      const ev = await lastEvent('directory.enterprise-upserted', r.body.id);
      expect(ev.topic).toBe('ticketing.directory.v1');
      expect(ev.envelope).toMatchObject({
        aggregateId: r.body.id,
        aggregateVersion: 1,
        actor: { id: adminId, role: 'admin' },
      });
      expect(ev.envelope.payload).toEqual({
        id: r.body.id,
        name: body.name,
        creditCode: '91110000600037341L',
        gridId: null,
        contacts: [{ name: '测试员', phone: '13800000000', email: 'qa@example.cn' }],
        active: true,
        industry: '铸造',
        address: null,
      });
      expect(
        await count('audit_entry', `entity_id = $1 AND action = 'enterprise.created' AND actor_id = $2`, [
          r.body.id,
          adminId,
        ]),
      ).toBe(1);

      const dup = await call('POST', '/enterprises', { token: admin, body: { ...body, name: '另一家公司' } });
      expect(dup.status).toBe(409);
      expect(dup.body.errors).toEqual([
        { field: 'creditCode', messages: [expect.stringMatching(/already registered/)] },
      ]);

      const upd = await call('PATCH', `/enterprises/${r.body.id}`, {
        token: admin,
        body: { active: false, expectedVersion: 1 },
      });
      expect(upd.status).toBe(200);
      expect((await lastEvent('directory.enterprise-upserted', r.body.id)).envelope).toMatchObject({
        aggregateVersion: 2,
        payload: { active: false },
      });
      const stale = await call('PATCH', `/enterprises/${r.body.id}`, {
        token: admin,
        body: { active: true, expectedVersion: 1 },
      });
      expect(stale.status).toBe(409);
    });

    it('creates a user with no credential in the event, and moves an instructor between grids', async () => {
      const grids = (await call('GET', '/grids', { token: admin })).body.items as {
        id: string;
        code: string;
      }[];
      const [g1, g2] = grids;
      const r = await call('POST', '/users', {
        token: admin,
        body: {
          username: 'new-instructor',
          displayName: '新指导员',
          role: 'instructor',
          gridIds: [g1.id],
          initialPassword: 'Secret-2026',
        },
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ role: 'instructor', gridIds: [g1.id], mustChangePassword: true });
      const ev = await lastEvent('directory.user-upserted', r.body.id);
      expect(ev.envelope.payload).toEqual({
        id: r.body.id,
        username: 'new-instructor',
        displayName: '新指导员',
        role: 'instructor',
        enterpriseId: null,
        departmentId: null,
        gridIds: [g1.id],
        mobile: null,
        email: null,
        active: true,
      });
      expect(JSON.stringify(ev.envelope)).not.toMatch(/Secret-2026|scrypt|password/i);
      expect(
        (await lastEvent('directory.grid-upserted', g1.id)).envelope.payload.instructorUserIds,
      ).toContain(r.body.id);
      const audit = (
        await pg.query(`SELECT details::text AS d FROM identity.audit_entry WHERE entity_id = $1`, [
          r.body.id,
        ])
      ).rows;
      expect(audit).toHaveLength(1);
      expect(audit[0].d).not.toMatch(/Secret-2026|password/i);

      const moved = await call('PATCH', `/grids/${g2.id}`, {
        token: admin,
        body: { instructorUserIds: [r.body.id] },
      });
      expect(moved.status).toBe(200);
      expect(moved.body.instructorUserIds).toEqual([r.body.id]);
      const user = await lastEvent('directory.user-upserted', r.body.id);
      expect(user.envelope.aggregateVersion).toBe(2);
      expect(new Set(user.envelope.payload.gridIds)).toEqual(new Set([g1.id, g2.id]));

      const dupe = await call('POST', '/users', {
        token: admin,
        body: {
          username: 'NEW-instructor',
          displayName: 'x',
          role: 'committee',
          initialPassword: 'Secret-2026',
        },
      });
      expect(dupe.status).toBe(409);
      // The conflict names the field, so a form shows it under the username.
      expect(dupe.body.errors).toEqual([
        { field: 'username', messages: ['the username new-instructor is taken'] },
      ]);
    });

    it('changes a role and drops the scope that no longer fits', async () => {
      const id = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'dept-miit'`)).rows[0]
        .id;
      const r = await call('PATCH', `/users/${id}`, { token: admin, body: { role: 'committee' } });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ role: 'committee', departmentId: null });
      expect((await lastEvent('directory.user-upserted', id)).envelope.payload).toMatchObject({
        role: 'committee',
        departmentId: null,
      });
    });

    it('will not leave the directory without an active admin', async () => {
      const r = await call('PATCH', `/users/${adminId}`, { token: admin, body: { active: false } });
      expect(r.status).toBe(409);
    });

    it('adds and renames departments and grids, announcing each', async () => {
      const d = await call('POST', '/departments', {
        token: admin,
        body: { code: 'civil_affairs', nameZh: '民政局', nameEn: 'Civil Affairs Bureau' },
      });
      expect(d.status).toBe(201);
      expect((await lastEvent('directory.department-upserted', d.body.id)).envelope.payload).toEqual({
        id: d.body.id,
        code: 'civil_affairs',
        name: '民政局',
        nameEn: 'Civil Affairs Bureau',
        active: true,
      });
      const twice = await call('POST', '/departments', {
        token: admin,
        body: { code: 'civil_affairs', nameZh: '重复' },
      });
      expect(twice.status).toBe(409);
      expect(twice.body.errors).toEqual([
        { field: 'code', messages: ['a department with code civil_affairs already exists'] },
      ]);
      const renamed = await call('PATCH', `/departments/${d.body.id}`, {
        token: admin,
        body: { nameZh: '民政局（新）' },
      });
      expect(renamed.body).toMatchObject({ nameZh: '民政局（新）', version: 2 });

      const g = await call('POST', '/grids', { token: admin, body: { code: 'north', name: '北区网格' } });
      expect(g.status).toBe(201);
      expect((await lastEvent('directory.grid-upserted', g.body.id)).envelope.payload).toEqual({
        id: g.body.id,
        code: 'north',
        name: '北区网格',
        instructorUserIds: [],
      });
      expect((await call('GET', `/grids/${g.body.id}`, { token: tokenFor('committee') })).body.name).toBe(
        '北区网格',
      );
      expect((await call('GET', `/grids/${newId()}`, { token: admin })).status).toBe(404);
    });

    it('pages with a cursor and searches with q', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await call('GET', `/enterprises?limit=7${cursor ? `&cursor=${cursor}` : ''}`, {
          token: admin,
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((e: { id: string }) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(await count('enterprise'));
      expect(new Set(seen).size).toBe(seen.length);

      const tea = await call('GET', `/enterprises?q=${encodeURIComponent('茶')}`, { token: admin });
      expect(tea.body.items.map((e: { name: string }) => e.name)).toEqual(['六枝特区绿源茶业有限公司']);
      const users = await call('GET', `/users?role=department&q=dept-h`, { token: admin });
      expect(users.body.items.map((u: { username: string }) => u.username)).toEqual([
        'dept-hrss',
        'dept-housing',
      ]);
      const none = await call('GET', `/departments?q=${encodeURIComponent('%')}`, { token: admin });
      expect(none.body.items).toEqual([]);
    });

    it('keeps an append-only audit trail, newest first, readable by admin', async () => {
      const r = await call('GET', '/audit?limit=3', { token: admin });
      expect(r.status).toBe(200);
      expect(r.body.items).toHaveLength(3);
      expect(r.body.items[0]).toMatchObject({ actorId: adminId, actorRole: 'admin' });
      const next = await call('GET', `/audit?limit=3&cursor=${r.body.nextCursor}`, { token: admin });
      expect(next.body.items[0].id).not.toBe(r.body.items[0].id);
      await expect(pg.query(`UPDATE identity.audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(pg.query(`DELETE FROM identity.audit_entry`)).rejects.toThrow(/append-only/);
    });
  });

  describe('changes that change nothing', () => {
    const tables = ['outbox', 'audit_entry'];
    const snapshot = async () => ({
      ...Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(t)] as const))),
      versions: (
        await pg.query(
          `SELECT (SELECT sum(version) FROM identity.user_account) + (SELECT sum(version) FROM identity.enterprise)
                + (SELECT sum(version) FROM identity.department) + (SELECT sum(version) FROM identity.grid) AS v`,
        )
      ).rows[0].v,
    });

    it('answers a PATCH of the current values with the unchanged record: no version, event or audit line', async () => {
      const instructor = (
        await pg.query(`SELECT id FROM identity.user_account WHERE username = 'instructor'`)
      ).rows[0].id as string;
      const user = (await call('GET', `/users/${instructor}`, { token: admin })).body;
      const enterprise = (await call('GET', '/enterprises?limit=1', { token: admin })).body.items[0];
      const department = (await call('GET', `/departments/${DEFAULT_DEPARTMENTS[2].id}`, { token: admin }))
        .body;
      const grid = (await call('GET', `/grids/${user.gridIds[0]}`, { token: admin })).body;
      const before = await snapshot();
      const patches: [string, unknown, unknown][] = [
        [
          `/users/${instructor}`,
          {
            displayName: user.displayName,
            role: user.role,
            // Ids are case-insensitive: the same grid in capitals is the same grid.
            gridIds: user.gridIds.map((g: string) => g.toUpperCase()),
            mobile: user.mobile,
            email: user.email,
            active: true,
            expectedVersion: user.version,
          },
          user,
        ],
        [
          `/enterprises/${enterprise.id}`,
          {
            name: enterprise.name,
            creditCode: enterprise.creditCode.toLowerCase(),
            industry: enterprise.industry,
            address: enterprise.address,
            gridId: enterprise.gridId,
            contacts: enterprise.contacts.map((c: { name: string; phone: string }) => ({
              name: c.name,
              phone: c.phone,
            })),
            active: enterprise.active,
            expectedVersion: enterprise.version,
          },
          enterprise,
        ],
        [
          `/departments/${department.id}`,
          { nameZh: ` ${department.nameZh} `, nameEn: department.nameEn, active: department.active },
          department,
        ],
        [
          `/grids/${grid.id}`,
          { name: grid.name, instructorUserIds: [...grid.instructorUserIds].reverse() },
          grid,
        ],
      ];
      for (const [path, body, current] of patches) {
        const r = await call('PATCH', path, { token: admin, body });
        expect([path, r.status, r.body]).toEqual([path, 200, current]);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('refuses an expectedVersion no int4 column can hold with a 400 naming it, writing nothing', async () => {
      const before = await snapshot();
      const grid = (await pg.query(`SELECT id FROM identity.grid LIMIT 1`)).rows[0].id as string;
      const enterprise = (await pg.query(`SELECT id FROM identity.enterprise LIMIT 1`)).rows[0].id as string;
      const targets: [string, object][] = [
        [`/users/${adminId}`, { displayName: '系统管理员' }],
        [`/enterprises/${enterprise}`, { active: true }],
        [`/departments/${DEFAULT_DEPARTMENTS[2].id}`, { active: true }],
        [`/grids/${grid}`, { name: '东区网格' }],
      ];
      for (const [path, body] of targets) {
        for (const expectedVersion of [2147483648, 2 ** 63, 1e308]) {
          const r = await call('PATCH', path, { token: admin, body: { ...body, expectedVersion } });
          expect([path, expectedVersion, r.status]).toEqual([path, expectedVersion, 400]);
          expect(r.body.errors).toEqual([
            { field: 'expectedVersion', messages: ['expectedVersion must be at most 2147483647'] },
          ]);
        }
      }
      expect(await snapshot()).toEqual(before);
    });

    it('writes nothing for a PATCH whose body is not JSON, asks for nothing or for the current values', async () => {
      const before = await snapshot();
      const grid = (
        await call('GET', `/grids/${(await pg.query(`SELECT id FROM identity.grid LIMIT 1`)).rows[0].id}`, {
          token: admin,
        })
      ).body;
      for (const [type, body] of [
        ['text/plain', 'name=x'],
        ['application/x-www-form-urlencoded', `name=${encodeURIComponent(grid.name)}`],
        ['application/json', '{}'],
      ]) {
        const res = await fetch(`${running!.url}${API}/grids/${grid.id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${admin}`, 'content-type': type },
          body,
        });
        // The edge refuses these (415, 400) where it does; a handler given nothing to change
        // answers the record as it is. Either way: no new version, no event, no audit line.
        if (res.status === 200) expect([type, await res.json()]).toEqual([type, grid]);
        expect([type, [200, 400, 415].includes(res.status)]).toEqual([type, true]);
      }
      expect(await snapshot()).toEqual(before);
    });

    it('documents nullable texts as strings, and every bound the DTOs check', async () => {
      const doc = (await (await fetch(`${running!.url}/api/docs-json`)).json()) as {
        components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
      };
      const { schemas } = doc.components;
      expect(schemas.UpdateDepartmentRequestDto.properties.nameEn).toMatchObject({
        type: 'string',
        nullable: true,
        maxLength: 120,
      });
      expect(schemas.DepartmentResponseDto.properties.nameEn).toMatchObject({
        type: 'string',
        nullable: true,
      });
      expect(schemas.EnterpriseContactDto.properties.email).toMatchObject({ type: 'string', maxLength: 120 });
      for (const dto of [
        'UpdateUserRequestDto',
        'UpdateEnterpriseRequestDto',
        'UpdateDepartmentRequestDto',
        'UpdateGridRequestDto',
      ]) {
        expect([dto, schemas[dto].properties.expectedVersion]).toEqual([
          dto,
          expect.objectContaining({ minimum: 1, maximum: 2147483647 }),
        ]);
      }
      const unbounded = Object.entries(schemas)
        .filter(([name]) => name.endsWith('RequestDto') || name === 'EnterpriseContactDto')
        .flatMap(([name, s]) =>
          Object.entries(s.properties)
            .filter(([, p]) => p.type === 'string' && !p.format && !p.enum && p.maxLength === undefined)
            .map(([field]) => `${name}.${field}`),
        );
      expect(unbounded).toEqual([]);
    });
  });

  describe('restart', () => {
    it('does not seed twice, and rate-limits logins per address with Retry-After', async () => {
      const before = {
        users: await count('user_account'),
        enterprises: await count('enterprise'),
        outbox: await count('outbox'),
      };
      await running!.close();
      running = await start({ LOGIN_RATE_LIMIT: '3' });
      expect({
        users: await count('user_account'),
        enterprises: await count('enterprise'),
        outbox: await count('outbox'),
      }).toEqual(before);
      // The count lives in the database and outlives a restart: start from none.
      await pg.query('DELETE FROM identity.login_attempt');
      const statuses: number[] = [];
      let last: Reply | undefined;
      for (let i = 0; i < 4; i++) {
        last = await login('committee');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(last!.body.detail).toMatch(/too many login attempts/);
    });

    it('shares the login limit between two instances on one database', async () => {
      await running!.close();
      running = await start({ LOGIN_RATE_LIMIT: '4' });
      const second = await start({ LOGIN_RATE_LIMIT: '4' });
      try {
        await pg.query('DELETE FROM identity.login_attempt');
        const at = async (base: string) =>
          (
            await fetch(`${base}${API}/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ username: 'committee', password: DEMO_PASSWORD }),
            })
          ).status;
        const statuses: number[] = [];
        for (const base of [running!.url, second.url, running!.url, second.url, running!.url, second.url])
          statuses.push(await at(base));
        // Four in all, not four each.
        expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
        expect(
          (await pg.query(`SELECT attempts FROM identity.login_attempt`)).rows.map((r) => r.attempts),
        ).toEqual([6]);
      } finally {
        await second.close();
      }
    });

    it('seeds only the default departments when SEED_DEMO=false', async () => {
      const other = await createTestDatabase('identity_noseed');
      const plain = await startService({
        service: 'identity',
        env: IdentityEnv,
        modules: [IdentityModule],
        environment: {
          DATABASE_URL: other.url,
          PORT: '0',
          JWT_SECRET: SECRET,
          LOG_LEVEL: 'warn',
          SEED_DEMO: 'false',
        },
      });
      const c = new Client({ connectionString: other.url });
      await c.connect();
      try {
        expect(Number((await c.query(`SELECT count(*) FROM identity.department`)).rows[0].count)).toBe(
          DEFAULT_DEPARTMENTS.length,
        );
        expect(Number((await c.query(`SELECT count(*) FROM identity.user_account`)).rows[0].count)).toBe(0);
        expect(Number((await c.query(`SELECT count(*) FROM identity.enterprise`)).rows[0].count)).toBe(0);
      } finally {
        await c.end();
        await plain.close();
        await other.drop();
      }
    });
  });
});
